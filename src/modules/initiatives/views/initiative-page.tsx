// One initiative: the problem and proposal, what the municipality is asked for, partners, the
// co-production agreement, the public timeline, the discussion, and support. The people behind it and
// facilitators also see what they can do next. Every form posts and comes back here (PRG); a form that
// fails re-renders this page with its values and errors, marked by `failed.form`.
import type { Child } from 'hono/jsx';
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink } from '../../../core/views/components.js';
import { Form, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { field, type FormFields } from '../../../core/http/form.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { Municipality } from '../../municipalities/index.js';
import { mainRoad, type State } from '../initiatives.lifecycle.js';
import type { Agreement, Ask, Comment, Initiative, Participation, Partner, PersonRef, TimelineEvent } from '../initiatives.types.js';
import { askKinds, partnerKinds, reportReasons } from '../initiatives.types.js';
import { PlainText } from '../initiatives.text.js';
import { dates, formatKroner, langOptions, StateBadge, translated, type Names } from './shared.js';
import { moduleStylesheet } from './assets.js';
import type { InitiativeAside } from '../initiatives.slots.js';

export interface Viewer {
  userId: number | null;
  participation: Participation | null;
  canSupport: boolean;
  canComment: boolean;
  canManage: boolean;
  steps: State[];
  canPostUpdate: boolean;
  canAssignSelf: boolean;
  canRecordAgreement: boolean;
  canAnswer: boolean;
  canModerate: boolean;
  canEditDetails: boolean;
}

export interface FailedForm {
  form: string;
  errors: FieldErrors;
  values: FormFields;
}

export interface InitiativePageProps {
  page: PageContext;
  municipality: Municipality;
  initiative: Initiative;
  names: Names;
  group: { name: string; href: string } | null;
  members: PersonRef[];
  partners: Partner[];
  asks: Ask[];
  agreements: Agreement[];
  events: TimelineEvent[];
  comments: Comment[];
  /** Sections other modules add (e.g. the network's "adopted from" and "publish as a case"). */
  asides?: InitiativeAside[];
  viewer: Viewer;
  failed?: FailedForm | undefined;
  keys: { comment: string; update: string };
}

/** Steps that need words (a reason, outcomes) or a document go through their own form. */
const needsForm: State[] = ['declined', 'evaluated'];

export function InitiativePage(props: InitiativePageProps) {
  const { page, municipality: m, initiative: ini, viewer } = props;
  const { t, lang } = page.i18n;
  const formatDate = dates(page.i18n);
  const base = `/m/${encodeURIComponent(m.slug)}/initiatives/${ini.id}`;
  const place = [ini.areaId !== null ? props.names.areas.get(ini.areaId) : t('initiatives.field.wholeMunicipality'), ini.themeId !== null ? props.names.themes.get(ini.themeId) : null].filter(Boolean).join(' · ');
  const agreement = props.agreements[0] ?? null;
  const ctx: FormCtx = { page, failed: props.failed, lang };
  return (
    <Layout
      page={page}
      title={ini.title}
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
        { label: t('initiatives.list.title'), href: `/m/${encodeURIComponent(m.slug)}/initiatives` },
        { label: ini.title },
      ]}
    >
      {moduleStylesheet(page)}
      {props.failed ? (
        <Alert kind="error" role="alert">
          {t('initiatives.page.formFailed')}{' '}
          <a href={`#${props.failed.form}`}>{t('initiatives.page.goToForm')}</a>
        </Alert>
      ) : null}
      <h1 lang={ini.lang}>{ini.title}</h1>
      {viewer.canEditDetails ? (
        <p>
          <a class="function-link" href={`${base}/edit`}>
            {t('initiatives.edit.link')}
          </a>
        </p>
      ) : null}
      <p class="app-card-labels">
        <StateBadge state={ini.state} i18n={page.i18n} />
        {ini.state === 'paused' && ini.pausedFrom ? <span>{t('initiatives.page.pausedFrom', { state: t(`initiatives.state.${ini.pausedFrom}`) })}</span> : null}
      </p>
      <dl class="app-ini-facts">
        <dt>{t('initiatives.page.where')}</dt>
        <dd>{place}</dd>
        <dt>{t('initiatives.page.behind')}</dt>
        <dd>
          {props.group ? (
            <>
              <a href={props.group.href}>{props.group.name}</a>
              {props.members.length > 0 ? ' · ' : null}
            </>
          ) : null}
          {props.members.map((p) => p.displayName).join(', ') || (props.group ? null : t('initiatives.page.nobody'))}
        </dd>
        <dt>{t('initiatives.page.facilitator')}</dt>
        <dd>{ini.facilitator ? ini.facilitator.displayName : t('initiatives.page.noFacilitator')}</dd>
        <dt>{t('initiatives.page.proposed')}</dt>
        <dd>
          <time datetime={ini.createdAt.toISOString()}>{formatDate(ini.createdAt)}</time>
        </dd>
      </dl>

      <SupportPanel {...props} base={base} />

      {(props.asides ?? []).map((a) => (
        <AsideSection aside={a} />
      ))}

      <Progress i18n={page.i18n} state={ini.state} pausedFrom={ini.pausedFrom} />

      {ini.state === 'declined' && ini.declineReason ? (
        <section aria-labelledby="declined-heading" class="mt-7">
          <h2 id="declined-heading">{t('initiatives.page.declinedHeading')}</h2>
          <PlainText text={ini.declineReason} lang={ini.declineReasonLang ?? undefined} />
        </section>
      ) : null}
      {ini.outcomes ? (
        <section aria-labelledby="outcomes-heading" class="mt-7">
          <h2 id="outcomes-heading">{t('initiatives.page.outcomesHeading')}</h2>
          <PlainText text={ini.outcomes} lang={ini.outcomesLang ?? undefined} />
        </section>
      ) : null}

      <section aria-labelledby="problem-heading" class="mt-7">
        <h2 id="problem-heading">{t('initiatives.field.problem')}</h2>
        <PlainText text={ini.problem} lang={ini.lang} />
      </section>
      <section aria-labelledby="proposal-heading">
        <h2 id="proposal-heading">{t('initiatives.field.proposal')}</h2>
        <PlainText text={ini.proposal} lang={ini.lang} />
      </section>

      <AsksSection {...props} base={base} ctx={ctx} />
      <PartnersSection {...props} base={base} ctx={ctx} />
      <AgreementSection {...props} base={base} agreement={agreement} />

      {viewer.canManage || viewer.canAssignSelf ? <ManagePanel {...props} base={base} ctx={ctx} /> : null}

      <Timeline {...props} />
      <Comments {...props} base={base} ctx={ctx} />
    </Layout>
  );
}

function AsideSection({ aside }: { aside: InitiativeAside }) {
  return (
    <section aria-labelledby={`${aside.id}-heading`} class="mt-6 app-ini-aside">
      <h2 id={`${aside.id}-heading`} class="h3">
        {aside.heading}
      </h2>
      {aside.lines.map((l) => (
        <p lang={l.lang}>{l.href ? <a href={l.href}>{l.text}</a> : l.text}</p>
      ))}
      {aside.actions.length > 0 ? (
        <ul class="nobullet-list">
          {aside.actions.map((a) => (
            <li>
              <a class="function-link" href={a.href}>
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface FormCtx {
  page: PageContext;
  failed: FailedForm | undefined;
  lang: string;
}

/** Errors and values for the form `id`, when it is the one that failed. */
function formState(ctx: FormCtx, id: string): { errors: FieldErrors; v: (name: string, fallback?: string) => string } {
  const failed = ctx.failed?.form === id ? ctx.failed : undefined;
  return {
    errors: translated(ctx.page.i18n, failed?.errors ?? {}),
    v: (name, fallback = '') => (failed ? field(failed.values, name) : fallback),
  };
}

function SupportPanel(props: InitiativePageProps & { base: string }) {
  const { page, initiative: ini, viewer, base } = props;
  const { t } = page.i18n;
  const p = viewer.participation;
  return (
    <section aria-labelledby="support-heading" class="app-ini-support">
      <h2 id="support-heading" class="h3">
        {t('initiatives.page.supportHeading')}
      </h2>
      <p class="app-ini-count">
        <strong>{t('initiatives.page.supportCount', { count: ini.supportCount })}</strong>
      </p>
      {viewer.userId === null ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(base)}`}>{t('initiatives.page.signInToSupport')}</a>
        </p>
      ) : (
        <div class="app-button-row">
          {p?.supports ? (
            <Form page={page} action={`${base}/support`} class="app-inline-form">
              <input type="hidden" name="action" value="withdraw" />
              <SubmitButton variant="secondary">{t('initiatives.page.withdrawSupport')}</SubmitButton>
            </Form>
          ) : viewer.canSupport ? (
            <Form page={page} action={`${base}/support`} class="app-inline-form">
              <input type="hidden" name="action" value="support" />
              <SubmitButton>{t('initiatives.page.support')}</SubmitButton>
            </Form>
          ) : null}
          <Form page={page} action={`${base}/follow`} class="app-inline-form">
            <input type="hidden" name="action" value={p?.follows ? 'unfollow' : 'follow'} />
            <SubmitButton variant="secondary">{p?.follows ? t('initiatives.page.unfollow') : t('initiatives.page.follow')}</SubmitButton>
          </Form>
        </div>
      )}
      {p?.supports ? <p class="form-hint">{t('initiatives.page.youSupport')}</p> : null}
      {!viewer.canSupport && !p?.supports && viewer.userId !== null ? <p class="form-hint">{t('initiatives.page.notSupportable')}</p> : null}
    </section>
  );
}

function Progress({ i18n, state, pausedFrom }: { i18n: I18n; state: State; pausedFrom: State | null }) {
  const { t } = i18n;
  const at = state === 'paused' ? pausedFrom : state;
  const index = at ? mainRoad.indexOf(at) : -1;
  if (state === 'declined') return null;
  return (
    <section aria-labelledby="progress-heading" class="mt-7">
      <h2 id="progress-heading" class="h3">
        {t('initiatives.page.progressHeading')}
      </h2>
      <ol class="app-ini-steps">
        {mainRoad.map((s, i) => (
          <li class={i < index ? 'app-ini-step-done' : i === index ? 'app-ini-step-current' : undefined} aria-current={i === index ? 'step' : undefined}>
            {t(`initiatives.state.${s}`)}
            {i < index ? <span class="sr-only"> ({t('initiatives.page.stepDone')})</span> : null}
            {i === index ? <span class="sr-only"> ({t('initiatives.page.stepCurrent')})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AsksSection(props: InitiativePageProps & { base: string; ctx: FormCtx }) {
  const { page, asks, viewer, base, ctx } = props;
  const { t } = page.i18n;
  const formatDate = dates(page.i18n);
  const add = formState(ctx, 'add-ask');
  return (
    <section aria-labelledby="asks-heading" id="asks">
      <h2 id="asks-heading">{t('initiatives.page.asksHeading')}</h2>
      {asks.length === 0 ? <p>{t('initiatives.page.noAsks')}</p> : null}
      <ul class="nobullet-list">
        {asks.map((a) => {
          const answer = formState(ctx, `answer-${a.id}`);
          return (
            <li id={`ask-${a.id}`} class="app-ini-item">
              <h3 class="h4">
                {t(`initiatives.ask.${a.kind}`)}
                {a.amountOre !== null ? `: ${formatKroner(page.i18n, a.amountOre)}` : null}
              </h3>
              <PlainText text={a.description} lang={a.lang} />
              <p>
                <Badge kind={a.status === 'open' ? 'warning' : a.status === 'declined' ? 'error' : 'success'}>{t(`initiatives.askStatus.${a.status}`)}</Badge>
                {a.answeredAt ? <> {t('initiatives.page.answeredOn', { date: formatDate(a.answeredAt) })}</> : null}
              </p>
              {a.answer ? <PlainText text={a.answer} lang={a.answerLang ?? undefined} /> : null}
              {a.status === 'open' && viewer.canAnswer ? (
                <details class="details" open={ctx.failed?.form === `answer-${a.id}`}>
                  <summary class="details-summary">
                    <span class="details-summary-text">{t('initiatives.page.answerAsk')}</span>
                  </summary>
                  <div class="details-text">
                    <Form page={page} action={`${base}/asks/${a.id}/answer`} errors={answer.errors} id={`answer-${a.id}`}>
                      <RadioGroup
                        name="status"
                        id={`answer-${a.id}-status`}
                        label={t('initiatives.field.answerStatus')}
                        value={answer.v('status')}
                        options={(['granted', 'partly_granted', 'declined'] as const).map((s) => ({ value: s, label: t(`initiatives.askStatus.${s}`) }))}
                      />
                      <TextArea name="answer" id={`answer-${a.id}-text`} label={t('initiatives.field.answer')} value={answer.v('answer')} rows={3} maxlength={2000} />
                      <Select name="lang" id={`answer-${a.id}-lang`} label={t('initiatives.field.lang')} value={answer.v('lang', ctx.lang)} placeholder={false} options={langOptions(page.i18n)} />
                      <div class="app-button-row mt-5"><SubmitButton>{t('initiatives.page.sendAnswer')}</SubmitButton></div>
                    </Form>
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {viewer.canEditDetails ? (
        <details class="details" open={ctx.failed?.form === 'add-ask'}>
          <summary class="details-summary">
            <span class="details-summary-text">{t('initiatives.page.addAsk')}</span>
          </summary>
          <div class="details-text">
            <Form page={page} action={`${base}/asks`} errors={add.errors} id="add-ask">
              <Select name="kind" id="add-ask-kind" label={t('initiatives.field.askKind')} value={add.v('kind')} options={askKinds.map((k) => ({ value: k, label: t(`initiatives.ask.${k}`) }))} />
              <TextArea name="description" id="add-ask-description" label={t('initiatives.field.askDescription')} value={add.v('description')} rows={3} maxlength={2000} />
              <TextField name="amount" id="add-ask-amount" label={t('initiatives.field.amount')} hint={t('initiatives.field.amountHint')} value={add.v('amount')} width="s" inputmode="decimal" optional />
              <Select name="lang" id="add-ask-lang" label={t('initiatives.field.lang')} value={add.v('lang', ctx.lang)} placeholder={false} options={langOptions(page.i18n)} />
              <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.page.addAsk')}</SubmitButton></div>
            </Form>
          </div>
        </details>
      ) : null}
    </section>
  );
}

function PartnersSection(props: InitiativePageProps & { base: string; ctx: FormCtx }) {
  const { page, partners, viewer, base, ctx } = props;
  const { t } = page.i18n;
  const add = formState(ctx, 'add-partner');
  return (
    <section aria-labelledby="partners-heading" id="partners">
      <h2 id="partners-heading">{t('initiatives.page.partnersHeading')}</h2>
      {partners.length === 0 ? <p>{t('initiatives.page.noPartners')}</p> : null}
      <ul class="app-ini-list">
        {partners.map((p) => (
          <li>
            <strong lang={p.lang}>{p.name}</strong> ({t(`initiatives.partner.${p.kind}`)})
            {p.contribution ? (
              <>
                {': '}
                <span lang={p.lang}>{p.contribution}</span>
              </>
            ) : null}
            {viewer.canEditDetails ? (
              <Form page={page} action={`${base}/partners/${p.id}/remove`} class="app-inline-form">
                {' '}
                <button type="submit" class="button button-tertiary app-ini-small-button">
                  {t('initiatives.page.removePartner')}
                  <span class="sr-only">: {p.name}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {viewer.canEditDetails ? (
        <details class="details" open={ctx.failed?.form === 'add-partner'}>
          <summary class="details-summary">
            <span class="details-summary-text">{t('initiatives.page.addPartner')}</span>
          </summary>
          <div class="details-text">
            <Form page={page} action={`${base}/partners`} errors={add.errors} id="add-partner">
              <TextField name="name" id="add-partner-name" label={t('initiatives.field.partnerName')} value={add.v('name')} maxlength={120} />
              <Select name="kind" id="add-partner-kind" label={t('initiatives.field.partnerKind')} value={add.v('kind')} options={partnerKinds.map((k) => ({ value: k, label: t(`initiatives.partner.${k}`) }))} />
              <TextField name="contribution" id="add-partner-contribution" label={t('initiatives.field.partnerContribution')} value={add.v('contribution')} maxlength={500} optional />
              <Select name="lang" id="add-partner-lang" label={t('initiatives.field.lang')} value={add.v('lang', ctx.lang)} placeholder={false} options={langOptions(page.i18n)} />
              <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.page.addPartner')}</SubmitButton></div>
            </Form>
          </div>
        </details>
      ) : null}
    </section>
  );
}

function AgreementBody({ i18n, a }: { i18n: I18n; a: Agreement }) {
  const { t } = i18n;
  const formatDate = dates(i18n);
  const d = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));
  return (
    <>
      <h3 class="h4">{t('initiatives.agreement.citizensDeliver')}</h3>
      <PlainText text={a.citizensDeliver} lang={a.lang} />
      <h3 class="h4">{t('initiatives.agreement.municipalityDelivers')}</h3>
      <PlainText text={a.municipalityDelivers} lang={a.lang} />
      <dl class="app-ini-facts">
        <dt>{t('initiatives.agreement.contact')}</dt>
        <dd>
          {a.contactName}
          {a.contactTitle ? `, ${a.contactTitle}` : null}
          {a.contactEmail ? (
            <>
              {' · '}
              <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
            </>
          ) : null}
        </dd>
        <dt>{t('initiatives.agreement.term')}</dt>
        <dd>{t('initiatives.agreement.termValue', { start: d(a.termStart), end: d(a.termEnd) })}</dd>
        <dt>{t('initiatives.agreement.reviewDate')}</dt>
        <dd>{d(a.reviewDate)}</dd>
      </dl>
      {a.changeNote ? (
        <p>
          <strong>{t('initiatives.agreement.changeNote')}:</strong> <span lang={a.lang}>{a.changeNote}</span>
        </p>
      ) : null}
    </>
  );
}

function AgreementSection(props: InitiativePageProps & { base: string; agreement: Agreement | null }) {
  const { page, agreement, agreements, viewer, base, initiative: ini } = props;
  const { t } = page.i18n;
  const formatDate = dates(page.i18n);
  const canEdit = viewer.canRecordAgreement && ['in_dialogue', 'agreed', 'active', 'paused'].includes(ini.state);
  return (
    <section aria-labelledby="agreement-heading" id="agreement">
      <h2 id="agreement-heading">{t('initiatives.agreement.heading')}</h2>
      {agreement ? (
        <>
          <p class="app-card-meta">
            {t('initiatives.agreement.versionLine', { version: agreement.version, date: formatDate(agreement.createdAt) })}
          </p>
          <AgreementBody i18n={page.i18n} a={agreement} />
          {agreements.length > 1 ? (
            <details class="details">
              <summary class="details-summary">
                <span class="details-summary-text">{t('initiatives.agreement.earlier', { count: agreements.length - 1 })}</span>
              </summary>
              <div class="details-text">
                {agreements.slice(1).map((a) => (
                  <div class="app-ini-item">
                    <h3 class="h4">{t('initiatives.agreement.versionLine', { version: a.version, date: formatDate(a.createdAt) })}</h3>
                    <AgreementBody i18n={page.i18n} a={a} />
                  </div>
                ))}
              </div>
            </details>
          ) : null}
        </>
      ) : (
        <p>{t('initiatives.agreement.none')}</p>
      )}
      {canEdit ? (
        <p>
          <ButtonLink href={`${base}/agreement`} variant="secondary">
            {agreement ? t('initiatives.agreement.revise') : t('initiatives.agreement.record')}
          </ButtonLink>
        </p>
      ) : null}
    </section>
  );
}

function ManagePanel(props: InitiativePageProps & { base: string; ctx: FormCtx }) {
  const { page, initiative: ini, viewer, base, ctx } = props;
  const { t } = page.i18n;
  const update = formState(ctx, 'update');
  return (
    <section aria-labelledby="manage-heading" id="manage" class="app-ini-manage">
      <h2 id="manage-heading">{t('initiatives.manage.heading')}</h2>
      {viewer.canAssignSelf && ini.facilitator?.id !== viewer.userId ? (
        <Form page={page} action={`${base}/assign`}>
          <p>{ini.facilitator ? t('initiatives.manage.takeOverHint', { name: ini.facilitator.displayName }) : t('initiatives.manage.assignHint')}</p>
          <SubmitButton variant="secondary">{t('initiatives.manage.assignSelf')}</SubmitButton>
        </Form>
      ) : null}
      {viewer.steps.length > 0 ? (
        <>
          <h3>{t('initiatives.manage.stepsHeading')}</h3>
          <ul class="nobullet-list">
            {viewer.steps.map((to) => (
              <li class="mb-4">
                {needsForm.includes(to) || (to === 'agreed' && ini.agreementVersion === null) || (to === 'in_dialogue' && !ini.facilitator && !viewer.canAssignSelf) ? (
                  <a href={to === 'agreed' ? `${base}/agreement` : `${base}/state?to=${to}`}>{t(`initiatives.step.${to}`)}</a>
                ) : (
                  <Form page={page} action={`${base}/state`} class="app-inline-form">
                    <input type="hidden" name="to" value={to} />
                    <input type="hidden" name="from" value={ini.state} />
                    <input type="hidden" name="lang" value={ctx.lang} />
                    <SubmitButton variant={to === 'paused' ? 'secondary' : 'primary'}>{t(`initiatives.step.${to}`)}</SubmitButton>
                  </Form>
                )}
                <span class="form-hint"> {t(`initiatives.step.${to}.hint`)}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={`${base}/state`}>{t('initiatives.manage.withNote')}</a>
          </p>
        </>
      ) : null}
      {viewer.canPostUpdate ? (
        <>
          <h3>{t('initiatives.manage.updateHeading')}</h3>
          <Form page={page} action={`${base}/updates`} errors={update.errors} id="update">
            <input type="hidden" name="event_key" value={update.v('event_key', props.keys.update)} />
            <TextArea name="body" id="update-body" label={t('initiatives.field.update')} hint={t('initiatives.field.updateHint')} value={update.v('body')} rows={4} maxlength={10000} />
            <Select name="lang" id="update-lang" label={t('initiatives.field.lang')} value={update.v('lang', ctx.lang)} placeholder={false} options={langOptions(page.i18n)} />
            <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.manage.postUpdate')}</SubmitButton></div>
          </Form>
        </>
      ) : null}
    </section>
  );
}

function Timeline(props: InitiativePageProps) {
  const { page, events } = props;
  const { t } = page.i18n;
  const formatDate = dates(page.i18n);
  return (
    <section aria-labelledby="timeline-heading" id="timeline">
      <h2 id="timeline-heading">{t('initiatives.timeline.heading')}</h2>
      <ol class="app-ini-timeline">
        {[...events].reverse().map((e) => (
          <li id={`event-${e.id}`} class="app-ini-item">
            <p class="app-ini-event-title">
              <strong>{eventTitle(page.i18n, e)}</strong>
            </p>
            <p class="app-card-meta">
              <time datetime={e.createdAt.toISOString()}>{formatDate(e.createdAt, { dateStyle: 'long', timeStyle: 'short' })}</time>
              {e.actor ? ` · ${e.actor.displayName}` : null}
            </p>
            {e.kind === 'edited' ? (
              <p>
                {t('initiatives.timeline.editedFrom')} <q lang={e.lang ?? undefined}>{e.body}</q>
              </p>
            ) : e.body ? (
              <PlainText text={e.body} lang={e.lang ?? undefined} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function eventTitle(i18n: I18n, e: TimelineEvent): string {
  const { t } = i18n;
  switch (e.kind) {
    case 'state_changed':
      return t('initiatives.timeline.stateChanged', { from: t(`initiatives.state.${e.fromState}`), to: t(`initiatives.state.${e.toState}`) });
    case 'agreement':
      return t('initiatives.timeline.agreement', { version: e.ref ?? 1 });
    case 'ask_answered':
      return t('initiatives.timeline.askAnswered');
    case 'facilitator_assigned':
      return t('initiatives.timeline.facilitatorAssigned', { name: e.actor?.displayName ?? '' });
    case 'update':
      return t('initiatives.timeline.update');
    case 'edited':
      return t('initiatives.timeline.edited');
    default:
      return t('initiatives.timeline.proposed');
  }
}

function Comments(props: InitiativePageProps & { base: string; ctx: FormCtx }) {
  const { page, comments, viewer, base, ctx, initiative: ini } = props;
  const { t } = page.i18n;
  const byParent = new Map<number | null, Comment[]>();
  for (const c of comments) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const top = formState(ctx, 'comment-form');
  const visibleCount = comments.filter((c) => !c.hidden).length;
  return (
    <section aria-labelledby="comments-heading" id="comments">
      <h2 id="comments-heading">{t('initiatives.comments.heading', { count: visibleCount })}</h2>
      {comments.length === 0 ? <p>{t('initiatives.comments.none')}</p> : <CommentList {...props} parentId={null} depth={0} byParent={byParent} />}
      {viewer.canComment ? (
        <>
          <h3>{t('initiatives.comments.write')}</h3>
          <Form page={page} action={`${base}/comments`} errors={top.errors} id="comment-form">
            <input type="hidden" name="comment_key" value={top.v('comment_key', props.keys.comment)} />
            <TextArea name="body" id="comment-body" label={t('initiatives.field.comment')} hint={t('initiatives.field.commentHint')} value={top.v('body')} rows={4} maxlength={5000} />
            <Select name="lang" id="comment-lang" label={t('initiatives.field.lang')} value={top.v('lang', ctx.lang)} placeholder={false} options={langOptions(page.i18n)} />
            <div class="app-button-row mt-5"><SubmitButton>{t('initiatives.comments.post')}</SubmitButton></div>
          </Form>
        </>
      ) : viewer.userId === null ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(base)}`}>{t('initiatives.comments.signIn')}</a>
        </p>
      ) : ini.state === 'declined' ? (
        <p>{t('initiatives.comments.closed')}</p>
      ) : null}
    </section>
  );
}

const MAX_INDENT = 3;

function CommentList(props: InitiativePageProps & { base: string; ctx: FormCtx; parentId: number | null; depth: number; byParent: Map<number | null, Comment[]> }): Child {
  const list = props.byParent.get(props.parentId) ?? [];
  if (list.length === 0) return null;
  return (
    <ol class={props.depth === 0 ? 'app-ini-comments' : props.depth < MAX_INDENT ? 'app-ini-comments app-ini-replies' : 'app-ini-comments'}>
      {list.map((c) => (
        <li>
          <CommentItem {...props} comment={c} />
          <CommentList {...props} parentId={c.id} depth={props.depth + 1} />
        </li>
      ))}
    </ol>
  );
}

function CommentItem(props: InitiativePageProps & { base: string; ctx: FormCtx; comment: Comment }) {
  const { page, comment: c, viewer, base, ctx, keys } = props;
  const { t } = page.i18n;
  const formatDate = dates(page.i18n);
  const isAuthor = viewer.userId !== null && c.author?.id === viewer.userId;
  const reply = formState(ctx, `reply-${c.id}`);
  const edit = formState(ctx, `edit-${c.id}`);
  const report = formState(ctx, `report-${c.id}`);
  const author = c.author?.displayName ?? t('initiatives.comments.deletedAuthor');
  return (
    <article id={`comment-${c.id}`} class="app-ini-comment" aria-label={t('initiatives.comments.by', { name: author })}>
      <p class="app-card-meta">
        <strong>{author}</strong>
        {' · '}
        <time datetime={c.createdAt.toISOString()}>{formatDate(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
        {c.editedAt && !c.hidden ? (
          <>
            {' · '}
            <a href={`${base}/comments/${c.id}/history`}>{t('initiatives.comments.edited')}</a>
          </>
        ) : null}
      </p>
      {c.hidden ? <p class="app-ini-hidden">{t('initiatives.comments.hidden')}</p> : <PlainText text={c.body} lang={c.lang} />}
      {viewer.canModerate && c.hidden ? (
        <Form page={page} action={`${base}/comments/${c.id}/moderate`} class="app-inline-form">
          <input type="hidden" name="decision" value="restore" />
          <button type="submit" class="button button-tertiary app-ini-small-button">{t('initiatives.comments.restore')}</button>
        </Form>
      ) : null}
      {!c.hidden && viewer.userId !== null ? (
        <div class="app-ini-comment-actions">
          {viewer.canComment ? (
            <details class="details" open={ctx.failed?.form === `reply-${c.id}`}>
              <summary class="details-summary">
                <span class="details-summary-text">{t('initiatives.comments.reply')}</span>
              </summary>
              <div class="details-text">
                <Form page={page} action={`${base}/comments`} errors={reply.errors} id={`reply-${c.id}`}>
                  <input type="hidden" name="parent" value={String(c.id)} />
                  {/* Each reply form gets its own key: this page's key with the parent's id as the last part. */}
                  <input type="hidden" name="comment_key" value={reply.v('comment_key', `${keys.comment.slice(0, 24)}${c.id.toString(16).padStart(12, '0').slice(-12)}`)} />
                  <TextArea name="body" id={`reply-${c.id}-body`} label={t('initiatives.comments.replyTo', { name: author })} value={reply.v('body')} rows={3} maxlength={5000} />
                  <Select name="lang" id={`reply-${c.id}-lang`} label={t('initiatives.field.lang')} value={reply.v('lang', ctx.lang)} placeholder={false} options={langOptions(page.i18n)} />
                  <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.comments.postReply')}</SubmitButton></div>
                </Form>
              </div>
            </details>
          ) : null}
          {isAuthor ? (
            <details class="details" open={ctx.failed?.form === `edit-${c.id}`}>
              <summary class="details-summary">
                <span class="details-summary-text">{t('initiatives.comments.edit')}</span>
              </summary>
              <div class="details-text">
                <Form page={page} action={`${base}/comments/${c.id}/edit`} errors={edit.errors} id={`edit-${c.id}`}>
                  <TextArea name="body" id={`edit-${c.id}-body`} label={t('initiatives.field.comment')} value={edit.v('body', c.body)} rows={4} maxlength={5000} />
                  <Select name="lang" id={`edit-${c.id}-lang`} label={t('initiatives.field.lang')} value={edit.v('lang', c.lang)} placeholder={false} options={langOptions(page.i18n)} />
                  <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.comments.saveEdit')}</SubmitButton></div>
                </Form>
              </div>
            </details>
          ) : (
            <details class="details" open={ctx.failed?.form === `report-${c.id}`}>
              <summary class="details-summary">
                <span class="details-summary-text">{t('initiatives.comments.report')}</span>
              </summary>
              <div class="details-text">
                <Form page={page} action={`${base}/comments/${c.id}/report`} errors={report.errors} id={`report-${c.id}`}>
                  <RadioGroup
                    name="reason"
                    id={`report-${c.id}-reason`}
                    label={t('initiatives.field.reportReason')}
                    value={report.v('reason')}
                    options={reportReasons.map((r) => ({ value: r, label: t(`initiatives.reportReason.${r}`) }))}
                  />
                  <TextArea name="note" id={`report-${c.id}-note`} label={t('initiatives.field.reportNote')} value={report.v('note')} rows={2} maxlength={1000} optional />
                  <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.comments.sendReport')}</SubmitButton></div>
                </Form>
              </div>
            </details>
          )}
          {viewer.canModerate ? (
            <Form page={page} action={`${base}/comments/${c.id}/moderate`} class="app-inline-form">
              <input type="hidden" name="decision" value="hide" />
              <button type="submit" class="button button-tertiary app-ini-small-button">{t('initiatives.comments.hide')}</button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

