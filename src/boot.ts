// The composition root's start-up: config → database → migrations → dependencies for the app.
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from './core/config/config.js';
import { openDatabase, type Database } from './core/db/database.js';
import { coreMigrations, migrate, type MigrationSource } from './core/db/migrate.js';
import { Catalog } from './core/i18n/i18n.js';
import { createLogger, type Logger } from './core/log.js';
import { createMailer } from './core/mail/mailer.js';
import { loadOrCreateSecret } from './core/secrets.js';
import { viewTexts } from './core/views/views.texts.js';
import { siteTexts } from './core/views/site.texts.js';
import { assetVersion } from './core/views/assets.routes.js';
import type { AppDeps } from './core/http/context.js';
import type { ModuleManifest } from './core/module.js';
import { appModules } from './app-modules.js';

export function migrationSources(modules: ModuleManifest[] = appModules): MigrationSource[] {
  return [coreMigrations, ...modules.filter((m) => m.migrationsDir).map((m) => ({ owner: m.name, dir: m.migrationsDir as string }))];
}

export function buildCatalog(modules: ModuleManifest[] = appModules): Catalog {
  const catalog = new Catalog().add(viewTexts).add(siteTexts);
  for (const m of modules) catalog.add(m.texts);
  return catalog;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
}

export async function buildDeps(config: Config, db: Database, log: Logger = createLogger(config.logLevel)): Promise<AppDeps> {
  const secret = await loadOrCreateSecret(db, 'csrf', config.sessionSecret);
  return {
    config,
    db,
    catalog: buildCatalog(),
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, keepInOutbox: config.devOutbox, db, log }),
    log,
    secret,
    assetVersion,
  };
}

/** Migrates, then builds the dependencies. */
export async function boot(config: Config, log: Logger = createLogger(config.logLevel)): Promise<AppDeps> {
  const db = await openConfiguredDatabase(config);
  await migrate(db, migrationSources(), (line) => log.info(line));
  return buildDeps(config, db, log);
}

/** Runs every module's seed once per database; the marker makes a second start skip it. */
export async function seedOnce(deps: AppDeps, log: (line: string) => void, force = false): Promise<boolean> {
  const marker = 'demo_seeded';
  const existing = await sql<{ name: string }>`select name from core_secrets where name = ${marker}`.execute(deps.db.owner);
  if (existing.rows.length > 0 && !force) return false;
  for (const m of appModules) {
    if (!m.seed) continue;
    log(`seeding ${m.name}`);
    await m.seed(deps, log);
  }
  await sql`insert into core_secrets (name, value) values (${marker}, ${Buffer.from('1')}) on conflict (name) do nothing`.execute(deps.db.owner);
  return true;
}
