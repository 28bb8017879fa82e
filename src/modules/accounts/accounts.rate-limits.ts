// Rate limits on sign-in, password reset and registration. Buckets are keyed by a hash of the
// e-mail (the limits table should not become a list of addresses) and by the client address, and
// are counted before anything is looked up, so being limited says nothing about whether an account exists.
import crypto from 'node:crypto';
import type { AppContext, AppDeps } from '../../core/http/context.js';
import { hitRateLimit, type RateLimitRule } from '../../core/http/rate-limit.js';
import { clientAddress } from '../../core/http/client-address.js';

const MINUTE = 60;
const HOUR = 3600;

export const limits = {
  loginPerEmail: { limit: 10, windowSeconds: 15 * MINUTE },
  loginPerIp: { limit: 50, windowSeconds: 15 * MINUTE },
  mailPerEmail: { limit: 5, windowSeconds: HOUR },
  mailPerIp: { limit: 20, windowSeconds: HOUR },
  registerPerIp: { limit: 20, windowSeconds: HOUR },
} satisfies Record<string, RateLimitRule>;

export type LimitedAction = 'login' | 'forgot' | 'resend' | 'register';

function emailKey(email: string): string {
  return crypto.createHash('sha256').update(email).digest('base64url').slice(0, 32);
}

/** Counts one attempt in each bucket; false when any of them is over its limit. */
export async function withinRateLimits(deps: Pick<AppDeps, 'db' | 'config'>, c: AppContext, action: LimitedAction, email: string | null): Promise<boolean> {
  const ip = clientAddress(c, deps.config.trustedProxies);
  const hits: [string, RateLimitRule][] = [];
  switch (action) {
    case 'login':
      hits.push([`accounts:login:ip:${ip}`, limits.loginPerIp]);
      if (email) hits.push([`accounts:login:email:${emailKey(email)}`, limits.loginPerEmail]);
      break;
    case 'forgot':
    case 'resend':
      hits.push([`accounts:${action}:ip:${ip}`, limits.mailPerIp]);
      if (email) hits.push([`accounts:${action}:email:${emailKey(email)}`, limits.mailPerEmail]);
      break;
    case 'register':
      hits.push([`accounts:register:ip:${ip}`, limits.registerPerIp]);
      break;
  }
  return deps.db.transaction({ municipalityId: null }, async (tx) => {
    let allowed = true;
    for (const [bucket, rule] of hits) if (!(await hitRateLimit(tx, bucket, rule))) allowed = false;
    return allowed;
  });
}
