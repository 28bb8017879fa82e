// The one typed configuration. Only this folder reads environment variables (design rule 6).
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Samskab <no-reply@samskab.localhost>'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CI: z.string().optional(),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((x) => x.trim()).filter(Boolean).every((x) => isIP(x) !== 0), 'must be a comma-separated list of IP addresses'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Show sent mail on /dev/outbox. Never in production. */
  devOutbox: boolean;
  /** Cookies get the Secure flag when the site is served over https. */
  secureCookies: boolean;
  ci: boolean;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For we believe. Empty: the socket's peer is the
   * client, and a forged header changes nothing.
   */
  trustedProxies: string[];
};

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration in environment:\n${lines}`);
  }
  const e = parsed.data;
  const baseUrl = e.BASE_URL ?? `http://localhost:${e.PORT}`;
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    devOutbox: e.NODE_ENV !== 'production',
    secureCookies: baseUrl.startsWith('https://'),
    ci: Boolean(e.CI),
    trustedProxies: e.TRUSTED_PROXIES.split(',').map((x) => x.trim()).filter(Boolean),
    ...overrides,
  };
  return config;
}

/** For tools and tests that need one value without a whole config. */
export function readEnv(name: string): string | undefined {
  return process.env[name];
}

/** A copy of the whole environment, for starting child processes (tests, benchmarks). */
export function environmentCopy(): Record<string, string | undefined> {
  return { ...process.env };
}
