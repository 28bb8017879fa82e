// What the accounts commands need from the application: the database, mail and texts, nothing of HTTP.
import type { AppDeps } from '../../core/http/context.js';

export type AccountsDeps = Pick<AppDeps, 'db' | 'mailer' | 'catalog' | 'config' | 'log'>;
