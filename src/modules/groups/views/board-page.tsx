// For coordinators of an association or local council: the board, past and present, and a form to
// record a position and its term.
import { Layout } from '../../../core/views/layout.js';
import { Form, Select, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { boardRoles, type BoardMember, type Group, type Member } from '../groups.types.js';
import { urls } from '../groups.urls.js';
import { ActionButton, formatDay } from './shared.js';

export interface BoardPageProps {
  page: PageContext;
  municipality: { slug: string; name: string };
  group: Group;
  board: BoardMember[];
  members: Member[];
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  /** Today in the municipality's time zone (YYYY-MM-DD): which terms are current. */
  today: string;
}

export function BoardPage(p: BoardPageProps) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const g = p.group;
  const title = t('groups.board.adminTitle');
  const hasErrors = Object.keys(p.errors).length > 0;
  return (
    <Layout
      page={p.page}
      title={hasErrors ? `${t('groups.form.errorTitlePrefix')} ${title}` : `${title} – ${g.name}`}
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
        { label: t('groups.list.title'), href: urls.list(m.slug) },
        { label: g.name, href: urls.group(m.slug, g.slug) },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <p class="font-lead">{g.name}</p>
      <p>{t('groups.board.adminLead')}</p>

      <h2>{t('groups.board.positions')}</h2>
      {p.board.length === 0 ? (
        <p>{t('groups.board.empty')}</p>
      ) : (
        <ul class="bordered-list">
          {p.board.map((b) => (
            <li>
              <strong>{t(`groups.board.role.${b.role}`)}:</strong> {b.displayName ?? ''}
              <br />
              <span class="app-card-meta">
                {b.termEnd
                  ? t('groups.board.term', { start: formatDay(p.page.i18n, b.termStart), end: formatDay(p.page.i18n, b.termEnd) })
                  : t('groups.board.since', { start: formatDay(p.page.i18n, b.termStart) })}
              </span>
              <div class="app-button-row mt-2">
                {b.termStart <= p.today && (b.termEnd === null || b.termEnd > p.today) ? (
                  <ActionButton
                    page={p.page}
                    action={urls.board(m.slug, g.slug, b.id, 'end')}
                    label={t('groups.board.end')}
                    context={`${t(`groups.board.role.${b.role}`)} ${b.displayName ?? ''}`}
                  />
                ) : null}
                <ActionButton
                  page={p.page}
                  action={urls.board(m.slug, g.slug, b.id, 'delete')}
                  label={t('groups.board.remove')}
                  context={`${t(`groups.board.role.${b.role}`)} ${b.displayName ?? ''}`}
                  variant="tertiary"
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2 class="mt-6">{t('groups.board.addHeading')}</h2>
      <Form page={p.page} action={urls.action(m.slug, g.slug, 'board')} errors={p.errors}>
        <Select
          name="userId"
          label={t('groups.board.field.person')}
          hint={t('groups.board.field.personHint')}
          value={p.values.userId}
          required
          options={p.members.map((x) => ({ value: String(x.userId), label: x.displayName }))}
        />
        <Select name="role" label={t('groups.board.field.role')} value={p.values.role} required options={boardRoles.map((r) => ({ value: r, label: t(`groups.board.role.${r}`) }))} />
        <TextField name="termStart" type="date" label={t('groups.board.field.start')} hint={t('groups.field.dateHint')} value={p.values.termStart} width="s" required />
        <TextField name="termEnd" type="date" label={t('groups.board.field.end')} hint={t('groups.board.field.endHint')} value={p.values.termEnd} width="s" optional />
        <SubmitButton>{t('groups.board.add')}</SubmitButton>
      </Form>
      <p class="mt-6">
        <a href={urls.group(m.slug, g.slug)}>{t('groups.admin.back')}</a>
      </p>
    </Layout>
  );
}
