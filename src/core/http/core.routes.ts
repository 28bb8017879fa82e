// Routes that belong to no module: health check, the about and accessibility pages, and the development mail outbox.
import type { Hono } from 'hono';
import { readOutbox } from '../mail/mailer.js';
import type { AppDeps, AppEnv } from './context.js';
import { pageContext } from './context.js';
import { errorPage, html } from './respond.js';
import { OutboxPage } from '../views/outbox-page.js';
import { AboutPage, AccessibilityPage } from '../views/site-pages.js';

export function registerCoreRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/healthz', async (c) => {
    const ok = await deps.db.ping();
    return c.json({ status: ok ? 'ok' : 'unavailable', database: deps.db.kind }, ok ? 200 : 503);
  });

  app.get('/about', (c) => html(c, AboutPage({ page: pageContext(c) })));
  app.get('/accessibility', (c) => html(c, AccessibilityPage({ page: pageContext(c) })));

  app.get('/dev/outbox', async (c) => {
    if (!deps.config.devOutbox) return errorPage(c, 404);
    const entries = await readOutbox(deps.db);
    return html(c, OutboxPage({ page: pageContext(c), entries }));
  });
}
