// The list of a municipality's themes, with links to edit and delete each.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink, DataTable, EmptyState } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Municipality, Theme } from '../municipalities.types.js';
import { adminBase, adminCrumbs } from './admin-frame.js';

export function ThemesPage({ page, municipality: m, themes }: { page: PageContext; municipality: Municipality; themes: Theme[] }) {
  const { t, lang } = page.i18n;
  const base = `${adminBase(m)}/themes`;
  return (
    <Layout page={page} title={`${t('municipalities.themes.title')} – ${m.name}`} breadcrumbs={adminCrumbs(t, m, [{ label: t('municipalities.themes.title') }])}>
      <h1>{t('municipalities.themes.title')}</h1>
      <p class="font-lead">{t('municipalities.themes.lead')}</p>
      <p>
        <ButtonLink href={`${base}/new`} variant="primary">
          {t('municipalities.themes.create')}
        </ButtonLink>
      </p>
      {themes.length === 0 ? (
        <EmptyState title={t('municipalities.themes.empty')}>
          <p>{t('municipalities.themes.emptyText')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('municipalities.themes.caption')}
          captionHidden
          rows={themes}
          columns={[
            { header: t('municipalities.themes.col.nameDa'), cell: (th) => <span lang="da">{th.name.da}</span> },
            { header: t('municipalities.themes.col.nameEn'), cell: (th) => <span lang="en">{th.name.en}</span> },
            { header: t('municipalities.themes.col.key'), cell: (th) => <code>{th.key}</code> },
            {
              header: t('municipalities.admin.actions'),
              cell: (th) => (
                <span class="app-inline-list">
                  <a href={`${base}/${th.id}/edit`} aria-label={t('municipalities.admin.editLabel', { name: th.name[lang] })}>
                    {t('municipalities.admin.edit')}
                  </a>
                  <a href={`${base}/${th.id}/delete`} aria-label={t('municipalities.admin.deleteLabel', { name: th.name[lang] })}>
                    {t('municipalities.admin.delete')}
                  </a>
                </span>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}
