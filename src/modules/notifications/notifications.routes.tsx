// /notifications: a signed-in person's notifications and e-mail setting.
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { validateForm } from '../../core/http/form.js';
import { countUnread, emailFrequencies, frequencyOf, listForUser, markAllRead, setFrequency } from './notifications.repository.js';
import { NotificationsPage } from './views/notifications-page.js';

const settingsSchema = z.object({
  frequency: z.enum(emailFrequencies, { message: 'notifications.settings.invalid' }),
});

export function registerNotificationsRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/notifications', async (c) => {
    const actor = state(c).actor;
    if (!actor) return errorPage(c, 401);
    const data = await deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => ({
      items: await listForUser(tx, actor.id, 100),
      unread: await countUnread(tx, actor.id),
      frequency: await frequencyOf(tx, actor.id),
    }));
    return html(c, NotificationsPage({ page: pageContext(c), ...data }));
  });

  app.post('/notifications/read', async (c) => {
    const actor = state(c).actor;
    if (!actor) return errorPage(c, 401);
    await deps.db.transaction({ municipalityId: null, userId: actor.id }, (tx) => markAllRead(tx, actor.id));
    return redirectWithFlash(c, '/notifications', 'success', 'notifications.page.markedRead');
  });

  app.post('/notifications/settings', async (c) => {
    const actor = state(c).actor;
    if (!actor) return errorPage(c, 401);
    const form = validateForm(settingsSchema, state(c).form ?? {});
    if (!form.ok) {
      const data = await deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => ({
        items: await listForUser(tx, actor.id, 100),
        unread: await countUnread(tx, actor.id),
        frequency: await frequencyOf(tx, actor.id),
      }));
      return html(c, NotificationsPage({ page: pageContext(c), ...data, errors: form.errors }), 422);
    }
    await deps.db.transaction({ municipalityId: null, userId: actor.id }, (tx) => setFrequency(tx, actor.id, form.data.frequency));
    return redirectWithFlash(c, '/notifications', 'success', 'notifications.settings.saved');
  });
}
