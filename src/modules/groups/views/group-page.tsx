// A group's own page: about, the board, initiatives (supplied by the initiatives module), upcoming
// activities, members who agreed to be shown, and the discussion. Every action is a plain form.
import type { Child } from 'hono/jsx';
import { Layout } from '../../../core/views/layout.js';
import { Alert, EmptyState, Pagination } from '../../../core/views/components.js';
import { Checkbox, Form, SubmitButton, TextArea } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { GroupPageData } from '../groups.queries.js';
import { POST_MAX } from '../groups.schemas.js';
import type { Member, Post, Thread } from '../groups.types.js';
import { hasBoard } from '../groups.policy.js';
import { urls } from '../groups.urls.js';
import { PlainText } from './plain-text.js';
import { ActionButton, KindBadge, PolicyBadge, formatDateTime, formatDay } from './shared.js';

export interface GroupPermissions {
  join: boolean;
  request: boolean;
  answerInvitation: boolean;
  leave: boolean;
  edit: boolean;
  manageMembers: boolean;
  manageBoard: boolean;
  manageActivities: boolean;
  post: boolean;
  moderate: boolean;
  recognise: boolean;
}

/** What the initiatives module hands the page for its slot (see index.ts). */
export interface InitiativesSlot {
  items: { title: string; href: string; status: string }[];
  total: number;
  /** Its own page with all of the group's initiatives. */
  moreHref: string;
}

/** A discussion form that failed validation, shown again with its text and error. */
export interface PostFormState {
  parentId: number | null;
  body: string;
  error: string;
  key: string;
}

export interface GroupPageProps {
  page: PageContext;
  municipality: { slug: string; name: string; timeZone: string };
  data: GroupPageData;
  areaName: string | null;
  themeName: string | null;
  can: GroupPermissions;
  viewerId: number | null;
  initiatives: InitiativesSlot | null;
  newKey: () => string;
  postForm?: PostFormState;
}

export function GroupPage(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { group } = p.data;
  const m = p.municipality;
  const title = p.postForm ? `${t('groups.form.errorTitlePrefix')} ${group.name}` : group.name;
  const meta = [p.areaName, p.themeName, t('groups.members.count', { count: p.data.counts.active })].filter(Boolean).join(' · ');

  return (
    <Layout
      page={p.page}
      title={title}
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
        { label: t('groups.list.title'), href: urls.list(m.slug) },
        { label: group.name },
      ]}
    >
      <h1>{group.name}</h1>
      <div class="app-card-labels">
        <KindBadge kind={group.kind} t={t} />
        <PolicyBadge policy={group.membershipPolicy} t={t} />
      </div>
      <p class="app-card-meta">{meta}</p>
      {group.kind === 'local_council' && p.areaName ? <p>{t('groups.council.recognisedAs', { municipality: m.name, area: p.areaName })}</p> : null}

      <MembershipBox {...p} />
      {p.can.edit || p.can.manageMembers || p.can.manageBoard || p.can.manageActivities ? <CoordinatorTools {...p} /> : null}
      {p.can.recognise ? <RecognitionBox {...p} /> : null}

      <section aria-labelledby="group-about">
        <h2 id="group-about">{t('groups.page.about')}</h2>
        <PlainText text={group.description} lang={group.descriptionLang} />
        {group.cvr ? (
          <p>
            {t('groups.field.cvr')}: {group.cvr}
          </p>
        ) : null}
        {group.statutes ? (
          <details class="details">
            <summary class="details-summary">
              <span class="details-summary-text">{t('groups.page.statutes')}</span>
            </summary>
            <div class="details-text">
              <PlainText text={group.statutes} lang={group.descriptionLang} />
            </div>
          </details>
        ) : null}
      </section>

      {hasBoard(group.kind) ? <BoardSection {...p} /> : null}

      {/* The initiatives slot: filled by the initiatives module through setGroupInitiativesProvider (index.ts). */}
      {p.initiatives ? <InitiativesSection {...p} slot={p.initiatives} /> : null}

      <ActivitiesSection {...p} />
      <MembersSection {...p} />
      <DiscussionSection {...p} />
    </Layout>
  );
}

function ConsentCheckbox({ t, checked }: { t: (k: string) => string; checked: boolean }) {
  return <Checkbox name="showPublicly" label={t('groups.field.showPublicly')} hint={t('groups.field.showPubliclyHint')} checked={checked} />;
}

function MembershipBox(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { group, membership, counts } = p.data;
  const m = p.municipality;
  const act = (a: string) => urls.action(m.slug, group.slug, a);
  let body: Child;
  if (p.viewerId === null) {
    body = (
      <p>
        <a href={urls.login(urls.group(m.slug, group.slug))}>{t('groups.membership.signIn')}</a>
      </p>
    );
  } else if (!membership) {
    if (p.can.join || p.can.request) {
      body = (
        <Form page={p.page} action={act(p.can.join ? 'join' : 'request')}>
          <p>{p.can.join ? t('groups.membership.openText') : t('groups.membership.requestText')}</p>
          <ConsentCheckbox t={t} checked={false} />
          <SubmitButton>{p.can.join ? t('groups.membership.join') : t('groups.membership.request')}</SubmitButton>
        </Form>
      );
    } else {
      body = <p>{t('groups.membership.inviteOnly')}</p>;
    }
  } else if (membership.status === 'requested') {
    body = (
      <>
        <p>{t('groups.membership.requested')}</p>
        <ActionButton page={p.page} action={act('leave')} label={t('groups.membership.withdraw')} />
      </>
    );
  } else if (membership.status === 'invited') {
    body = (
      <>
        <Form page={p.page} action={act('accept')}>
          <p>{t('groups.membership.invited')}</p>
          <ConsentCheckbox t={t} checked={false} />
          <div class="app-button-row">
            <SubmitButton>{t('groups.membership.accept')}</SubmitButton>
          </div>
        </Form>
        <div class="mt-3">
          <ActionButton page={p.page} action={act('decline')} label={t('groups.membership.decline')} variant="tertiary" />
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p>{membership.role === 'coordinator' ? t('groups.membership.youCoordinate') : t('groups.membership.youAreMember')}</p>
        <Form page={p.page} action={act('consent')}>
          <ConsentCheckbox t={t} checked={membership.showPublicly} />
          <SubmitButton variant="secondary">{t('groups.membership.saveConsent')}</SubmitButton>
        </Form>
        {p.can.leave ? (
          <div class="mt-4">
            <ActionButton page={p.page} action={act('leave')} label={t('groups.membership.leave')} variant="tertiary" />
          </div>
        ) : (
          <p class="form-hint">{t('groups.membership.lastCoordinator')}</p>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="group-membership" class="mt-5 mb-5">
      <h2 id="group-membership" class="h3">
        {t('groups.membership.heading')}
      </h2>
      {body}
      {p.can.manageMembers && counts.requested > 0 ? (
        <Alert kind="info">
          <a href={urls.action(m.slug, group.slug, 'members')}>{t('groups.membership.pendingRequests', { count: counts.requested })}</a>
        </Alert>
      ) : null}
    </section>
  );
}

function CoordinatorTools(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { group } = p.data;
  const m = p.municipality;
  return (
    <nav aria-labelledby="group-tools" class="mb-5">
      <h2 id="group-tools" class="h3">
        {t('groups.tools.heading')}
      </h2>
      <ul class="app-inline-list">
        {p.can.edit ? (
          <li>
            <a href={urls.action(m.slug, group.slug, 'edit')}>{t('groups.tools.edit')}</a>
          </li>
        ) : null}
        {p.can.manageMembers ? (
          <li>
            <a href={urls.action(m.slug, group.slug, 'members')}>{t('groups.tools.members')}</a>
          </li>
        ) : null}
        {p.can.manageBoard ? (
          <li>
            <a href={urls.action(m.slug, group.slug, 'board')}>{t('groups.tools.board')}</a>
          </li>
        ) : null}
        {p.can.manageActivities ? (
          <li>
            <a href={urls.action(m.slug, group.slug, 'activities/new')}>{t('groups.tools.addActivity')}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function RecognitionBox(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { group } = p.data;
  const m = p.municipality;
  return (
    <section aria-labelledby="group-recognition" class="mb-5">
      <h2 id="group-recognition" class="h3">
        {t('groups.council.heading')}
      </h2>
      {group.kind === 'local_council' ? (
        <>
          <p>{t('groups.council.isCouncil', { area: p.areaName ?? '' })}</p>
          <ActionButton page={p.page} action={urls.action(m.slug, group.slug, 'unrecognise')} label={t('groups.council.withdraw')} variant="warning" />
        </>
      ) : group.areaId === null ? (
        <p>{t('groups.council.needsArea')}</p>
      ) : (
        <>
          <p>{t('groups.council.explain', { area: p.areaName ?? '' })}</p>
          <ActionButton page={p.page} action={urls.action(m.slug, group.slug, 'recognise')} label={t('groups.council.recognise', { area: p.areaName ?? '' })} />
        </>
      )}
    </section>
  );
}

function BoardSection(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const board = p.data.board;
  return (
    <section aria-labelledby="group-board">
      <h2 id="group-board">{t('groups.board.heading')}</h2>
      {board.length === 0 ? (
        <p>{t('groups.board.empty')}</p>
      ) : (
        <ul class="bordered-list">
          {board.map((b) => (
            <li>
              <strong>{t(`groups.board.role.${b.role}`)}:</strong> {b.displayName ?? t('groups.board.nameHidden')}{' '}
              <span class="app-card-meta">
                {b.termEnd
                  ? t('groups.board.term', { start: formatDay(p.page.i18n, b.termStart), end: formatDay(p.page.i18n, b.termEnd) })
                  : t('groups.board.since', { start: formatDay(p.page.i18n, b.termStart) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InitiativesSection(p: GroupPageProps & { slot: InitiativesSlot }) {
  const { t } = p.page.i18n;
  return (
    <section aria-labelledby="group-initiatives">
      <h2 id="group-initiatives">{t('groups.page.initiatives')}</h2>
      {p.slot.items.length === 0 ? (
        <p>{t('groups.page.noInitiatives')}</p>
      ) : (
        <ul class="bordered-list">
          {p.slot.items.map((i) => (
            <li>
              <a href={i.href}>{i.title}</a> <span class="app-card-meta">{i.status}</span>
            </li>
          ))}
        </ul>
      )}
      {p.slot.total > p.slot.items.length ? (
        <p>
          <a href={p.slot.moreHref}>{t('groups.page.allInitiatives', { count: p.slot.total })}</a>
        </p>
      ) : null}
    </section>
  );
}

function ActivitiesSection(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { group, activities } = p.data;
  const m = p.municipality;
  return (
    <section aria-labelledby="group-activities">
      <h2 id="group-activities">{t('groups.activities.heading')}</h2>
      {activities.length === 0 ? (
        <p>{t('groups.activities.empty')}</p>
      ) : (
        <ul class="bordered-list">
          {activities.map((a) => (
            <li>
              <strong>{a.title}</strong>
              <br />
              <time datetime={a.startsAt.toISOString()}>{formatDateTime(p.page.i18n, a.startsAt, m.timeZone)}</time>
              {a.place ? <> · {a.place}</> : null}
              {p.can.manageActivities ? (
                <div class="mt-2">
                  <ActionButton page={p.page} action={urls.activity(m.slug, group.slug, a.id, 'delete')} label={t('groups.activities.remove')} context={a.title} variant="tertiary" />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Names; for coordinators, who see everyone, those not shown to others are marked. */
function NameList({ people, hiddenNote }: { people: Member[]; hiddenNote: string }) {
  return (
    <ul class="app-inline-list">
      {people.map((x) => (
        <li>
          {x.displayName}
          {x.showPublicly ? null : <span class="app-card-meta"> ({hiddenNote})</span>}
        </li>
      ))}
    </ul>
  );
}

function MembersSection(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { members, counts, group } = p.data;
  const m = p.municipality;
  const coordinators = members.filter((x) => x.role === 'coordinator');
  const others = members.filter((x) => x.role !== 'coordinator');
  const hiddenCoordinators = counts.coordinators - coordinators.length;
  const hiddenOthers = counts.active - counts.coordinators - others.length;
  return (
    <section aria-labelledby="group-members">
      <h2 id="group-members">{t('groups.members.heading')}</h2>
      <p>{t('groups.members.count', { count: counts.active })}</p>
      <h3 class="h4">{t('groups.members.coordinators')}</h3>
      {coordinators.length > 0 ? <NameList people={coordinators} hiddenNote={t('groups.members.onlyCoordinatorsSee')} /> : null}
      {hiddenCoordinators > 0 || counts.coordinators === 0 ? <p>{t('groups.members.coordinatorsHidden', { count: hiddenCoordinators, shown: coordinators.length })}</p> : null}
      <h3 class="h4">{t('groups.members.members')}</h3>
      {others.length > 0 ? <NameList people={others} hiddenNote={t('groups.members.onlyCoordinatorsSee')} /> : null}
      {hiddenOthers > 0 ? <p>{t('groups.members.hiddenCount', { count: hiddenOthers })}</p> : others.length === 0 ? <p>{t('groups.members.none')}</p> : null}
      {p.can.manageMembers ? (
        <p>
          <a href={urls.action(m.slug, group.slug, 'members')}>{t('groups.tools.members')}</a>
        </p>
      ) : null}
    </section>
  );
}

function PostForm(p: GroupPageProps & { parentId: number | null; idSuffix: string }) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const failed = p.postForm && p.postForm.parentId === p.parentId ? p.postForm : undefined;
  const id = `post-body-${p.idSuffix}`;
  return (
    <Form page={p.page} action={urls.action(m.slug, p.data.group.slug, 'posts')} errors={failed ? { body: failed.error } : {}} errorIds={{ body: id }}>
      <input type="hidden" name="postKey" value={failed?.key ?? p.newKey()} />
      {p.parentId !== null ? <input type="hidden" name="parentId" value={String(p.parentId)} /> : null}
      <TextArea
        name="body"
        id={id}
        label={p.parentId === null ? t('groups.discussion.newPost') : t('groups.discussion.reply')}
        hint={t('groups.discussion.hint')}
        value={failed?.body}
        rows={p.parentId === null ? 5 : 3}
        maxlength={POST_MAX}
      />
      <SubmitButton variant={p.parentId === null ? 'primary' : 'secondary'}>{p.parentId === null ? t('groups.discussion.send') : t('groups.discussion.sendReply')}</SubmitButton>
    </Form>
  );
}

function PostView(p: GroupPageProps & { post: Post; level: 2 | 3 }) {
  const { t } = p.page.i18n;
  const post = p.post;
  const m = p.municipality;
  const g = p.data.group;
  const H = p.level === 2 ? 'h3' : 'h4';
  const own = p.viewerId !== null && post.authorId === p.viewerId;
  return (
    <article class={p.level === 3 ? 'pl-5 mt-4' : undefined} aria-labelledby={`post-${post.id}`}>
      <H class="h5 mb-1" id={`post-${post.id}`}>
        {post.authorName ?? t('groups.discussion.formerMember')}
      </H>
      <p class="app-card-meta mt-0 mb-2">
        <time datetime={post.createdAt.toISOString()}>{formatDateTime(p.page.i18n, post.createdAt, m.timeZone)}</time>
        {post.editedAt ? <> · {t('groups.discussion.edited')}</> : null}
      </p>
      {post.hiddenAt ? <p>{t('groups.discussion.hidden')}</p> : <PlainText text={post.body} lang={post.lang} />}
      {(own && p.can.post && !post.hiddenAt) || p.can.moderate ? (
        <div class="app-button-row mb-3">
          {own && p.can.post && !post.hiddenAt ? (
            <a class="button button-tertiary" href={urls.post(m.slug, g.slug, post.id, 'edit')}>
              {t('groups.discussion.edit')}
              <span class="sr-only"> – {t('groups.discussion.postBy', { name: post.authorName ?? '' })}</span>
            </a>
          ) : null}
          {p.can.moderate ? (
            <ActionButton
              page={p.page}
              action={urls.post(m.slug, g.slug, post.id, post.hiddenAt ? 'show' : 'hide')}
              label={post.hiddenAt ? t('groups.discussion.unhide') : t('groups.discussion.hide')}
              context={t('groups.discussion.postBy', { name: post.authorName ?? t('groups.discussion.formerMember') })}
              variant="tertiary"
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function ThreadView(p: GroupPageProps & { thread: Thread }) {
  const { t } = p.page.i18n;
  const th = p.thread;
  const replyOpen = p.postForm?.parentId === th.id;
  return (
    <li class="pb-5">
      <PostView {...p} post={th} level={2} />
      {th.replies.map((r) => (
        <PostView {...p} post={r} level={3} />
      ))}
      {p.can.post && !th.hiddenAt ? (
        <details class="details pl-5 mt-3 mb-0" open={replyOpen}>
          <summary class="details-summary">
            <span class="details-summary-text">{t('groups.discussion.replyTo', { name: th.authorName ?? t('groups.discussion.formerMember') })}</span>
          </summary>
          <div class="details-text">
            <PostForm {...p} parentId={th.id} idSuffix={String(th.id)} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

function DiscussionSection(p: GroupPageProps) {
  const { t } = p.page.i18n;
  const { group, membership, threads } = p.data;
  const m = p.municipality;
  return (
    <section aria-labelledby="group-discussion">
      <h2 id="group-discussion">{t('groups.discussion.heading')}</h2>
      {p.can.post ? (
        <PostForm {...p} parentId={null} idSuffix="new" />
      ) : p.viewerId === null ? (
        <p>
          <a href={urls.login(urls.group(m.slug, group.slug))}>{t('groups.discussion.signIn')}</a>
        </p>
      ) : (
        <p>{membership?.status === 'active' ? null : t('groups.discussion.membersOnly')}</p>
      )}
      {threads.length === 0 ? (
        <EmptyState title={t('groups.discussion.empty')} headingLevel={3} />
      ) : (
        <ul class="bordered-list mt-5">
          {threads.map((th) => (
            <ThreadView {...p} thread={th} />
          ))}
        </ul>
      )}
      <Pagination page={p.data.threadPage} totalPages={p.data.threadPages} baseUrl={`${urls.group(m.slug, group.slug)}#group-discussion`} />
    </section>
  );
}
