// The page frame every HTML response uses: DKFDS header, navigation, main landmark and footer.
// It works without JavaScript; app.js only enhances.
import type { Child } from 'hono/jsx';
import { languages, type Lang } from '../i18n/i18n.js';
import { Alert, Breadcrumbs, type Crumb } from './components.js';
import { PageContextValue } from './context.js';
import { Icon } from './icons.js';
import type { PageContext } from './page-context.js';

/** Hono's c.html() adds no doctype, and without one browsers render in quirks mode. */
export function renderPage(node: Child): string {
  // Views stay synchronous; an async component deeper down makes String() throw as well.
  if (node instanceof Promise) throw new Error('renderPage needs synchronous components');
  return `<!DOCTYPE html>${String(node)}`;
}

/**
 * The current URL with ?lang= set, other parameters kept. Only path and query are used, so a
 * crafted request path can never turn the link into one to another host.
 */
export function languageHref(currentPath: string, lang: Lang): string {
  const url = new URL(currentPath, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname.replace(/^\/+/, '/') + url.search;
}

function asset(page: PageContext, path: string): string {
  return `${path}?v=${encodeURIComponent(page.assetVersion)}`;
}

function Wordmark({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  return (
    <a class="app-wordmark" href="/">
      {/* Two overlapping circles: the municipality and its residents, and what they make together. */}
      <svg class="app-wordmark-mark" viewBox="0 0 40 28" aria-hidden="true" focusable="false">
        <circle cx="14" cy="14" r="11" fill="#1b5e9b" />
        <circle cx="26" cy="14" r="11" fill="#3d8a4a" />
        <path d="M20 4.78A11 11 0 0 1 20 23.22A11 11 0 0 1 20 4.78Z" fill="#123c4a" />
      </svg>
      <span class="app-wordmark-text">{t('core.siteName')}</span>
      <span class="sr-only">, {t('core.homeLink')}</span>
    </a>
  );
}

function LanguageSwitch({ page }: { page: PageContext }) {
  const { t, lang: current } = page.i18n;
  // A signed-in person's saved language outranks ?lang=, so for them the switch stores the choice
  // (a small form per language, which works without JavaScript); visitors get plain links.
  return (
    <nav class="app-language" aria-label={t('core.languageNav')}>
      <Icon name="language" />
      <ul>
        {languages.map((lang) => (
          <li>
            {page.user ? (
              <form class="app-inline-form" method="post" action="/account/language">
                <input type="hidden" name="_csrf" value={page.csrfToken} />
                <input type="hidden" name="next" value={withoutLangParam(page.currentPath)} />
                <button type="submit" name="lang" value={lang} lang={lang} class="app-link-button" aria-current={lang === current ? 'true' : undefined}>
                  {t(`core.language.${lang}`)}
                </button>
              </form>
            ) : (
              <a href={languageHref(page.currentPath, lang)} hreflang={lang} lang={lang} aria-current={lang === current ? 'true' : undefined}>
                {t(`core.language.${lang}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function withoutLangParam(currentPath: string): string {
  const url = new URL(currentPath, 'http://x');
  url.searchParams.delete('lang');
  return url.pathname.replace(/^\/+/, '/') + url.search;
}

function UserArea({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  if (!page.user) {
    return (
      <div class="app-user">
        <a class="function-link" href="/login">
          <Icon name="lock" />
          {t('core.signIn')}
        </a>
        <a class="function-link" href="/register">
          <Icon name="person" />
          {t('core.register')}
        </a>
      </div>
    );
  }
  return (
    <div class="app-user">
      <a class="function-link" href="/account">
        <Icon name="person" />
        <span class="sr-only">{t('core.account')}: </span>
        {page.user.displayName}
      </a>
      <form method="post" action="/logout" class="app-inline-form">
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <button type="submit" class="function-link">
          <Icon name="lock" />
          {t('core.signOut')}
        </button>
      </form>
    </div>
  );
}

function Header({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  const m = page.municipality;
  return (
    <header class="header app-header">
      <a class="skipnav" href="#main">
        {t('core.skipLink')}
      </a>
      <div class="portal-info">
        <div class="portal-info-inner container">
          <Wordmark page={page} />
          <div class="portal-user app-portal-user">
            <LanguageSwitch page={page} />
            <UserArea page={page} />
          </div>
        </div>
      </div>
      {m ? (
        <div class="solution-info">
          <div class="container solution-info-inner">
            <div class="solution-heading">
              <a href={`/m/${encodeURIComponent(m.slug)}`}>{m.name}</a>
            </div>
          </div>
        </div>
      ) : null}
      {page.nav.length > 0 ? (
        <div class="navigation-menu app-navigation">
          <div class="navigation-menu-inner container">
            <nav class="nav" aria-label={t('core.mainNav')}>
              <ul class="mainmenu">
                {page.nav.map((item) => (
                  <li class={item.current ? 'active' : undefined}>
                    <a href={item.href} class="nav-link" aria-current={item.current ? 'page' : undefined}>
                      <span>{item.label}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      ) : null}
    </header>
  );
}

function Footer({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  const m = page.municipality;
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <div class="row">
            <section class="col-12 col-md-6 footer-col">
              <h2 class="h5">{t('core.siteName')}</h2>
              <p class="app-footer-text">{t('core.footer.aboutText')}</p>
            </section>
            {m ? (
              <section class="col-12 col-md-3 footer-col">
                <h2 class="h5">{t('core.footer.municipalityHeading')}</h2>
                <ul class="nobullet-list footer-links">
                  <li>
                    <a class="function-link" href={`/m/${encodeURIComponent(m.slug)}`}>
                      {m.name}
                    </a>
                  </li>
                </ul>
              </section>
            ) : null}
            <section class="col-12 col-md-3 footer-col">
              <h2 class="h5">{t('core.footer.linksHeading')}</h2>
              <ul class="nobullet-list footer-links">
                <li>
                  <a class="function-link" href="/about">
                    {t('core.footer.about')}
                  </a>
                </li>
                <li>
                  <a class="function-link" href="/network">
                    {t('core.footer.network')}
                  </a>
                </li>
                <li>
                  <a class="function-link" href="/accessibility">
                    {t('core.footer.accessibility')}
                  </a>
                </li>
                {page.devOutbox ? (
                  <li>
                    <a class="function-link" href="/dev/outbox">
                      {t('core.footer.devOutbox')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </section>
          </div>
        </div>
      </div>
    </footer>
  );
}

export interface LayoutProps {
  page: PageContext;
  /** The page's own title; " · Samskab" is added. */
  title: string;
  breadcrumbs?: Crumb[];
  /** Use the full container width (tables, dashboards) instead of a readable column. */
  wide?: boolean;
  children?: Child;
}

export function Layout({ page, title, breadcrumbs, wide, children }: LayoutProps) {
  const { t, lang, dir } = page.i18n;
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('core.siteName')}`}</title>
        <link rel="stylesheet" href={asset(page, '/assets/dkfds/css/dkfds.min.css')} />
        <link rel="stylesheet" href={asset(page, '/assets/app.css')} />
        <link rel="icon" type="image/svg+xml" href={asset(page, '/assets/favicon.svg')} />
        {languages.map((l) => (
          <link rel="alternate" hreflang={l} href={languageHref(page.currentPath, l)} />
        ))}
        {/* Module scripts are deferred: it runs after parsing and the page never waits for it. */}
        <script type="module" src={asset(page, '/assets/app.js')} />
      </head>
      <body>
        <PageContextValue.Provider value={page}>
          <Header page={page} />
          {page.subnav.length > 0 ? (
            <div class="container">
              <nav class="app-subnav" aria-label={t('core.sectionNav')}>
                <ul>
                  {page.subnav.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          ) : null}
          {breadcrumbs && breadcrumbs.length > 0 ? (
            <div class="container app-breadcrumbs">
              <Breadcrumbs items={breadcrumbs} />
            </div>
          ) : null}
          <main id="main" class="container app-main" tabindex={-1}>
            <div class={wide ? undefined : 'app-column'}>
              {page.flash ? (
                <Alert kind={page.flash.kind} role="status">
                  {page.flash.message}
                </Alert>
              ) : null}
              {children}
            </div>
          </main>
          <Footer page={page} />
        </PageContextValue.Provider>
      </body>
    </html>
  );
}
