// Two small forms on their own pages: adding an activity and editing a post.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton, TextArea, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Group } from '../groups.types.js';
import { PLACE_MAX, POST_MAX, TITLE_MAX } from '../groups.schemas.js';
import { urls } from '../groups.urls.js';

interface Common {
  page: PageContext;
  municipality: { slug: string; name: string };
  group: Group;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}

function crumbs(p: Common, title: string) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  return [
    { label: t('core.siteName'), href: '/' },
    { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
    { label: t('groups.list.title'), href: urls.list(m.slug) },
    { label: p.group.name, href: urls.group(m.slug, p.group.slug) },
    { label: title },
  ];
}

function pageTitle(p: Common, title: string): string {
  return Object.keys(p.errors).length > 0 ? `${p.page.i18n.t('groups.form.errorTitlePrefix')} ${title}` : `${title} – ${p.group.name}`;
}

export function ActivityFormPage(p: Common) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const title = t('groups.activities.addTitle');
  return (
    <Layout page={p.page} title={pageTitle(p, title)} breadcrumbs={crumbs(p, title)}>
      <h1>{title}</h1>
      <p class="font-lead">{p.group.name}</p>
      <Form page={p.page} action={urls.action(m.slug, p.group.slug, 'activities')} errors={p.errors}>
        <TextField name="title" label={t('groups.activities.field.title')} hint={t('groups.activities.field.titleHint')} value={p.values.title} maxlength={TITLE_MAX} required />
        <TextField name="date" type="date" label={t('groups.activities.field.date')} hint={t('groups.field.dateHint')} value={p.values.date} width="s" required />
        <TextField name="time" type="time" label={t('groups.activities.field.time')} hint={t('groups.activities.field.timeHint')} value={p.values.time} width="xs" required />
        <TextField name="place" label={t('groups.activities.field.place')} value={p.values.place} maxlength={PLACE_MAX} optional />
        <div class="app-button-row">
          <SubmitButton>{t('groups.activities.add')}</SubmitButton>
          <a class="button button-tertiary" href={urls.group(m.slug, p.group.slug)}>
            {t('groups.form.cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}

export function EditPostPage(p: Common & { postId: number }) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const title = t('groups.discussion.editTitle');
  return (
    <Layout page={p.page} title={pageTitle(p, title)} breadcrumbs={crumbs(p, title)}>
      <h1>{title}</h1>
      <Form page={p.page} action={urls.post(m.slug, p.group.slug, p.postId, 'edit')} errors={p.errors}>
        <TextArea name="body" label={t('groups.discussion.body')} value={p.values.body} rows={8} maxlength={POST_MAX} required />
        <div class="app-button-row">
          <SubmitButton>{t('groups.discussion.save')}</SubmitButton>
          <a class="button button-tertiary" href={`${urls.group(m.slug, p.group.slug)}#post-${p.postId}`}>
            {t('groups.form.cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}
