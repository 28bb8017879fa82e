// The two pages every public-sector site links from its footer: about, and the accessibility statement.
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export function AboutPage({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('core.about.title')} breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('core.about.title') }]}>
      <h1>{t('core.about.title')}</h1>
      <p class="font-lead">{t('core.about.lead')}</p>
      <h2>{t('core.about.whyHeading')}</h2>
      <p>{t('core.about.why')}</p>
      <h2>{t('core.about.whatHeading')}</h2>
      <ul>
        <li>{t('core.about.what1')}</li>
        <li>{t('core.about.what2')}</li>
        <li>{t('core.about.what3')}</li>
        <li>{t('core.about.what4')}</li>
      </ul>
      <h2>{t('core.about.openHeading')}</h2>
      <p>{t('core.about.open')}</p>
    </Layout>
  );
}

export function AccessibilityPage({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('core.a11y.title')} breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('core.a11y.title') }]}>
      <h1>{t('core.a11y.title')}</h1>
      <p class="font-lead">{t('core.a11y.lead')}</p>
      <h2>{t('core.a11y.howHeading')}</h2>
      <ul>
        <li>{t('core.a11y.how1')}</li>
        <li>{t('core.a11y.how2')}</li>
        <li>{t('core.a11y.how3')}</li>
      </ul>
      <h2>{t('core.a11y.knownHeading')}</h2>
      <p>{t('core.a11y.known')}</p>
      <h2>{t('core.a11y.contactHeading')}</h2>
      <p>{t('core.a11y.contact')}</p>
    </Layout>
  );
}
