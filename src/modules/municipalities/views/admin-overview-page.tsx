// The admin entry page of a municipality: a card per section for admins; facilitators see the same
// summary without the links, because they may look but not change.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Card, CardList, Tag } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Area, Municipality, Theme } from '../municipalities.types.js';
import { adminBase, adminCrumbs } from './admin-frame.js';

export function AdminOverviewPage(props: { page: PageContext; municipality: Municipality; areas: Area[]; themes: Theme[]; canManage: boolean }) {
  const { page, municipality: m, areas, themes, canManage } = props;
  const { t, lang } = page.i18n;
  const base = adminBase(m);
  const crumbs = adminCrumbs(t, m);
  crumbs[crumbs.length - 1] = { label: t('municipalities.admin.title') };
  const areaCount = t('municipalities.home.areaCount', { count: areas.length });
  const themeCount = t('municipalities.admin.themeCount', { count: themes.length });
  return (
    <Layout page={page} title={`${t('municipalities.admin.title')} – ${m.name}`} breadcrumbs={crumbs}>
      <h1>{t('municipalities.admin.title')}</h1>
      <p class="font-lead">{t('municipalities.admin.lead', { name: m.name })}</p>
      {canManage ? (
        <CardList>
          <Card headingLevel={2} title={t('municipalities.admin.card.areas')} href={`${base}/areas`} meta={areaCount} text={t('municipalities.admin.card.areasText')} />
          <Card headingLevel={2} title={t('municipalities.admin.card.themes')} href={`${base}/themes`} meta={themeCount} text={t('municipalities.admin.card.themesText')} />
          <Card headingLevel={2} title={t('municipalities.admin.card.settings')} href={`${base}/settings`} text={t('municipalities.admin.card.settingsText')} />
          <Card headingLevel={2} title={t('municipalities.admin.card.staff')} href={`${base}/staff`} text={t('municipalities.admin.card.staffText')} />
        </CardList>
      ) : (
        <>
          <Alert kind="info">{t('municipalities.admin.readOnly')}</Alert>
          <h2>{t('municipalities.admin.card.areas')}</h2>
          <p>{areaCount}</p>
          {areas.length > 0 ? (
            <ul class="app-inline-list">
              {areas.map((a) => (
                <li>
                  {a.name} ({t(`municipalities.area.kind.${a.kind}`)})
                </li>
              ))}
            </ul>
          ) : null}
          <h2>{t('municipalities.admin.card.themes')}</h2>
          <p>{themeCount}</p>
          {themes.length > 0 ? (
            <ul class="app-inline-list">
              {themes.map((th) => (
                <li>
                  <Tag>{th.name[lang]}</Tag>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Layout>
  );
}
