// One case, laid out like a Participedia case: the narrative (problem, context, approach, actors,
// what the municipality contributed, costs, results, do's and don'ts) beside the figures, clearly split
// into "measured on Samskab" and "stated by the municipality"; where it has been adopted and how those
// adoptions are doing, pooled; adopting it; the discussion.
import { Alert, Badge, DataTable, Tag } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, TextArea, type FieldErrors } from '../../../core/views/forms.js';
import { Layout } from '../../../core/views/layout.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { AdoptionView, CasePageData } from '../network.queries.js';
import { textIn } from '../network.text.js';
import { narrativeFields, type Case } from '../network.types.js';
import { caseAdoptUrl, caseCommentsUrl, caseEditUrl, caseFollowUrl, caseListUrl, networkHomeUrl } from '../network.urls.js';
import { LibraryStylesheet } from './library-assets.js';
import { formatDay, formatHours, formatKroner, ShownText, StatusBadge } from './library-shared.js';

export interface CasePageProps {
  page: PageContext;
  data: CasePageData;
  signedIn: boolean;
  canDiscuss: boolean;
  comment?: { value: string; errors: FieldErrors };
  adopt?: { value: string; error: string };
}

export function CasePage(p: CasePageProps) {
  const { page, data } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const c = data.case;
  const title = textIn(c.text.title, i18n.lang);
  const summary = textIn(c.text.summary, i18n.lang);
  return (
    <Layout
      page={page}
      title={title.text}
      wide
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: t('network.nav.network'), href: networkHomeUrl },
        { label: t('network.home.allCases'), href: caseListUrl },
        { label: title.text },
      ]}
    >
      <LibraryStylesheet />
      <h1 lang={title.fallback ? title.lang : undefined}>{title.text}</h1>
      {title.fallback ? <p class="net-other-lang">{t('network.case.onlyIn', { language: t(`network.lang.${title.lang}`) })}</p> : null}
      <p class="net-meta">
        <a href={`/m/${encodeURIComponent(c.municipalitySlug)}`}>{c.municipalityName}</a>
        {' · '}
        {c.publishedAt ? t('network.case.published', { date: formatDay(i18n, c.publishedAt) }) : t('network.case.updated', { date: formatDay(i18n, c.updatedAt) })}
      </p>
      <div class="app-card-labels">
        <StatusBadge status={c.status} i18n={i18n} />
        {c.published ? null : <Badge kind="warning">{t('network.home.draft')}</Badge>}
      </div>
      {c.published ? null : <Alert kind="warning">{t('network.case.notPublished')}</Alert>}
      {data.canWrite ? (
        <p>
          <a class="button button-secondary" href={caseEditUrl(c)}>
            {t('network.case.edit')}
          </a>
        </p>
      ) : null}
      {summary.text ? (
        <p class="net-lead" lang={summary.fallback ? summary.lang : undefined}>
          {summary.text}
        </p>
      ) : null}

      <div class="row">
        <div class="col-12 col-lg-7">
          <h2 class="sr-only">{t('network.case.narrative')}</h2>
          {narrativeFields.map((f) =>
            c.text[f].da || c.text[f].en ? (
              <section aria-labelledby={`sec-${f}`} class="mt-6">
                <h3 id={`sec-${f}`} class="h2">
                  {t(`network.field.${f}`)}
                </h3>
                <ShownText value={c.text[f]} i18n={i18n} />
              </section>
            ) : null,
          )}
        </div>
        <div class="col-12 col-lg-5">
          <EvidencePanels c={c} i18n={i18n} />
          <Facts c={c} i18n={i18n} />
        </div>
      </div>

      <Adoptions data={data} i18n={i18n} />
      <AdoptPanel {...p} />
      <Discussion {...p} />
    </Layout>
  );
}

function EvidencePanels({ c, i18n }: { c: Case; i18n: I18n }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="evidence-heading" class="mt-6">
      <h2 id="evidence-heading">{t('network.evidence.heading')}</h2>
      <div class="net-panel net-panel-measured">
        <h3 class="net-panel-label h5">{t('network.evidence.measured')}</h3>
        <p class="form-hint">{t('network.evidence.measuredHint')}</p>
        {c.evidence ? (
          <>
            <dl class="net-figures">
              <div>
                <dt>{t('network.evidence.hours')}</dt>
                <dd>{formatHours(i18n, c.evidence.hours)}</dd>
              </div>
              <div>
                <dt>{t('network.evidence.participants')}</dt>
                <dd>{i18n.formatNumber(c.evidence.participants)}</dd>
              </div>
              <div>
                <dt>{t('network.evidence.savings')}</dt>
                <dd>{formatKroner(i18n, c.evidence.savingsOre)}</dd>
              </div>
              <div>
                <dt>{t('network.evidence.reinvested')}</dt>
                <dd>{formatKroner(i18n, c.evidence.reinvestedOre)}</dd>
              </div>
            </dl>
            <p class="net-meta">{t('network.evidence.refreshedAt', { date: formatDay(i18n, c.evidence.refreshedAt) })}</p>
          </>
        ) : (
          <p>{t('network.evidence.none')}</p>
        )}
      </div>
      <div class="net-panel net-panel-stated">
        <h3 class="net-panel-label h5">{t('network.evidence.stated')}</h3>
        <p class="form-hint">{t('network.evidence.statedHint')}</p>
        {c.statedSavingsOre !== null ? (
          <dl class="net-figures">
            <div>
              <dt>{t('network.evidence.statedSavings')}</dt>
              <dd>{formatKroner(i18n, c.statedSavingsOre)}</dd>
            </div>
          </dl>
        ) : (
          <p>{t('network.evidence.noStated')}</p>
        )}
      </div>
    </section>
  );
}

function Facts({ c, i18n }: { c: Case; i18n: I18n }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="facts-heading" class="mt-6">
      <h2 id="facts-heading">{t('network.case.facts')}</h2>
      <dl class="net-facts">
        <dt>{t('network.case.municipality')}</dt>
        <dd>
          <a href={`/m/${encodeURIComponent(c.municipalitySlug)}`}>{c.municipalityName}</a>
        </dd>
        <dt>{t('network.field.status')}</dt>
        <dd>{t(`network.case.status.${c.status}`)}</dd>
        {c.municipalitySize ? (
          <>
            <dt>{t('network.field.size')}</dt>
            <dd>{t(`network.size.${c.municipalitySize}`)}</dd>
          </>
        ) : null}
        {c.setting ? (
          <>
            <dt>{t('network.field.setting')}</dt>
            <dd>{t(`network.setting.${c.setting}`)}</dd>
          </>
        ) : null}
        {c.themes.length > 0 ? (
          <>
            <dt>{t('network.field.themes')}</dt>
            <dd>
              <div class="net-tags">
                {c.themes.map((x) => (
                  <Tag href={`${caseListUrl}?theme=${x}`}>{t(`network.theme.${x}`)}</Tag>
                ))}
              </div>
            </dd>
          </>
        ) : null}
        {c.tags.length > 0 ? (
          <>
            <dt>{t('network.field.tags')}</dt>
            <dd>
              <div class="net-tags">
                {c.tags.map((x) => (
                  <Tag href={`${caseListUrl}?tag=${x}`}>{t(`network.tag.${x}`)}</Tag>
                ))}
              </div>
            </dd>
          </>
        ) : null}
        {c.initiativeId !== null ? (
          <>
            <dt>{t('network.case.fromInitiative')}</dt>
            <dd>
              <a href={`/m/${encodeURIComponent(c.municipalitySlug)}/initiatives/${c.initiativeId}`}>{t('network.case.openInitiative')}</a>
            </dd>
          </>
        ) : null}
        {c.contactName || c.contactEmail ? (
          <>
            <dt>{t('network.field.contact')}</dt>
            <dd>
              {c.contactName ? <span>{c.contactName}</span> : null}
              {c.contactName && c.contactEmail ? <br /> : null}
              {c.contactEmail ? <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a> : null}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Adoptions({ data, i18n }: { data: CasePageData; i18n: I18n }) {
  const { t } = i18n;
  const pooled = data.pooled;
  return (
    <section aria-labelledby="adoptions-heading" class="net-section">
      <h2 id="adoptions-heading">{t('network.adoptions.heading')}</h2>
      {data.adoptions.length === 0 ? (
        <p>{t('network.adoptions.none')}</p>
      ) : (
        <>
          <div class="net-panel net-panel-measured">
            <h3 class="net-panel-label h5">{t('network.adoptions.pooled')}</h3>
            <dl class="net-figures">
              <div>
                <dt>{t('network.adoptions.count')}</dt>
                <dd>{i18n.formatNumber(pooled.count)}</dd>
              </div>
              <div>
                <dt>{t('network.adoptions.totalSavings')}</dt>
                <dd>{formatKroner(i18n, pooled.totalSavingsOre)}</dd>
              </div>
              <div>
                <dt>{t('network.adoptions.totalHours')}</dt>
                <dd>{formatHours(i18n, pooled.totalHours)}</dd>
              </div>
              <div>
                <dt>{t('network.adoptions.medianHours')}</dt>
                <dd>{formatHours(i18n, pooled.medianHours ?? 0)}</dd>
              </div>
            </dl>
            <p class="net-meta">{t('network.adoptions.includesOrigin', { municipality: data.case.municipalityName })}</p>
          </div>
          <DataTable<AdoptionView>
            caption={t('network.adoptions.caption')}
            rows={data.adoptions}
            columns={[
              { header: t('network.adoptions.col.municipality'), cell: (a) => a.municipalityName },
              {
                header: t('network.adoptions.col.initiative'),
                cell: (a) =>
                  a.initiative ? (
                    <a href={`/m/${encodeURIComponent(a.municipalitySlug)}/initiatives/${a.initiativeId}`} lang={a.initiative.lang === i18n.lang ? undefined : a.initiative.lang}>
                      {a.initiative.title}
                    </a>
                  ) : (
                    '–'
                  ),
              },
              { header: t('network.adoptions.col.state'), cell: (a) => (a.initiative ? t(`initiatives.state.${a.initiative.state}`) : '–') },
              { header: t('network.adoptions.col.since'), cell: (a) => formatDay(i18n, a.adoptedAt) },
              { header: t('network.adoptions.col.hours'), numeric: true, cell: (a) => formatHours(i18n, a.evidence.hours) },
              { header: t('network.adoptions.col.savings'), numeric: true, cell: (a) => formatKroner(i18n, a.evidence.savingsOre) },
            ]}
          />
        </>
      )}
    </section>
  );
}

function AdoptPanel(p: CasePageProps) {
  const { page, data } = p;
  const { t } = page.i18n;
  const c = data.case;
  if (!c.published) return null;
  const open = data.adoptInto.filter((m) => !m.adoption);
  const done = data.adoptInto.filter((m) => m.adoption);
  return (
    <section aria-labelledby="adopt-heading" class="net-section">
      <h2 id="adopt-heading">{t('network.adopt.heading')}</h2>
      <p>{t('network.adopt.lead')}</p>
      {!p.signedIn ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(page.currentPath)}`}>{t('network.adopt.signIn')}</a>
        </p>
      ) : data.adoptInto.length === 0 ? (
        <p>{data.canWrite ? t('network.adopt.ownCase') : t('network.adopt.noRole')}</p>
      ) : null}
      {done.map((m) => (
        <p>
          {t('network.adopt.already', { municipality: m.name })}:{' '}
          <a href={`/m/${encodeURIComponent(m.slug)}/initiatives/${m.adoption!.initiativeId}`}>{t('network.adopt.goToDraft')}</a>
        </p>
      ))}
      {open.length > 0 ? (
        <Form page={page} action={caseAdoptUrl(c)} id="adopt-form" errors={p.adopt ? { municipality: p.adopt.error } : {}}>
          {open.length === 1 && !p.adopt ? (
            <>
              <input type="hidden" name="municipality" value={String(open[0]!.id)} />
              <p>
                {t('network.adopt.into')}: <strong>{open[0]!.name}</strong>
              </p>
            </>
          ) : (
            <Select
              name="municipality"
              label={t('network.adopt.into')}
              value={p.adopt?.value ?? String(open[0]!.id)}
              placeholder={false}
              options={open.map((m) => ({ value: String(m.id), label: m.name }))}
            />
          )}
          <SubmitButton>{t('network.adopt.button')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

function Discussion(p: CasePageProps) {
  const { page, data } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const c = data.case;
  return (
    <section aria-labelledby="discussion-heading" class="net-section">
      <h2 id="discussion-heading">{t('network.comments.heading')}</h2>
      {p.canDiscuss ? (
        <Form page={page} action={caseFollowUrl(c)} id="follow-form">
          <input type="hidden" name="action" value={data.following ? 'unfollow' : 'follow'} />
          <p class="form-hint">{t('network.follow.hint')}</p>
          <SubmitButton variant="secondary">{data.following ? t('network.follow.unfollow') : t('network.follow.follow')}</SubmitButton>
        </Form>
      ) : null}
      {data.comments.length === 0 ? <p>{t('network.comments.none')}</p> : null}
      {data.comments.length > 0 ? (
        <ul class="nobullet-list">
          {data.comments.map((cm) => (
            <li class="net-comment" id={`comment-${cm.id}`}>
              <span class="net-comment-meta">{t('network.comments.written', { name: cm.authorName, date: formatDay(i18n, cm.createdAt) })}</span>
              <p lang={cm.lang === i18n.lang ? undefined : cm.lang}>{cm.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {p.canDiscuss ? (
        <Form page={page} action={caseCommentsUrl(c)} id="comment-form" errors={p.comment?.errors ?? {}}>
          <TextArea name="body" label={t('network.comments.label')} hint={t('network.comments.hint')} value={p.comment?.value ?? ''} rows={4} maxlength={5000} />
          <SubmitButton>{t('network.comments.submit')}</SubmitButton>
        </Form>
      ) : p.signedIn ? (
        <p>{t('network.comments.members')}</p>
      ) : (
        <p>
          <a href={`/login?next=${encodeURIComponent(page.currentPath)}`}>{t('network.comments.signIn')}</a>
        </p>
      )}
    </section>
  );
}
