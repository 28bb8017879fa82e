// The list of a municipality's local areas, with links to edit and delete each.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink, DataTable, EmptyState } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Area, Municipality } from '../municipalities.types.js';
import { adminBase, adminCrumbs } from './admin-frame.js';

export function AreasPage({ page, municipality: m, areas }: { page: PageContext; municipality: Municipality; areas: Area[] }) {
  const { t, formatNumber } = page.i18n;
  const base = `${adminBase(m)}/areas`;
  return (
    <Layout page={page} title={`${t('municipalities.areas.title')} – ${m.name}`} breadcrumbs={adminCrumbs(t, m, [{ label: t('municipalities.areas.title') }])}>
      <h1>{t('municipalities.areas.title')}</h1>
      <p class="font-lead">{t('municipalities.areas.lead')}</p>
      <p>
        <ButtonLink href={`${base}/new`} variant="primary">
          {t('municipalities.areas.create')}
        </ButtonLink>
      </p>
      {areas.length === 0 ? (
        <EmptyState title={t('municipalities.areas.empty')}>
          <p>{t('municipalities.areas.emptyText')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('municipalities.areas.caption')}
          captionHidden
          rows={areas}
          columns={[
            { header: t('municipalities.areas.col.name'), cell: (a) => a.name },
            { header: t('municipalities.areas.col.kind'), cell: (a) => t(`municipalities.area.kind.${a.kind}`) },
            { header: t('municipalities.areas.col.inhabitants'), numeric: true, cell: (a) => (a.inhabitants === null ? '–' : formatNumber(a.inhabitants)) },
            { header: t('municipalities.areas.col.boundary'), cell: (a) => t(a.boundary ? 'municipalities.admin.yes' : 'municipalities.admin.no') },
            {
              header: t('municipalities.admin.actions'),
              cell: (a) => (
                <span class="app-inline-list">
                  <a href={`${base}/${a.id}/edit`} aria-label={t('municipalities.admin.editLabel', { name: a.name })}>
                    {t('municipalities.admin.edit')}
                  </a>
                  <a href={`${base}/${a.id}/delete`} aria-label={t('municipalities.admin.deleteLabel', { name: a.name })}>
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
