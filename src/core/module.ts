// What a module hands the core: its name, texts, migrations, routes, seed and commands.
// The composition root (src/app-modules.ts) lists the modules; core never imports them.
import type { Hono } from 'hono';
import type { Texts } from './i18n/i18n.js';
import type { AppDeps, AppEnv } from './http/context.js';
import type { SessionResolver } from './auth/actor.js';

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /**
   * The `--name` / `--name=value` options it accepts. When several modules contribute a command of the
   * same name (e.g. bench-data), they run in module order and each receives only the options it names;
   * an option none of them names is refused. Omitted: the command gets every argument.
   */
  options?: string[];
  /** Returns the process exit code. */
  run(args: string[], deps: () => Promise<AppDeps>): Promise<number>;
}

/** A section of a municipality's site that appears in its main navigation. */
export interface MunicipalitySection {
  /** i18n key of the menu label. */
  labelKey: string;
  /** Path under /m/<slug>, e.g. 'groups'. */
  path: string;
  /** Lower comes first. */
  order: number;
}

export interface ModuleManifest {
  name: string;
  texts: Texts<string>;
  /** Absolute folder of the module's .sql migrations. */
  migrationsDir?: string;
  routes?(app: Hono<AppEnv>, deps: AppDeps): void;
  /** Idempotent demo data; runs in module order. */
  seed?(deps: AppDeps, log: (line: string) => void): Promise<void>;
  commands?: CliCommand[];
  /** Entries for a municipality's main navigation. */
  sections?: MunicipalitySection[];
  /** POST routes that accept multipart/form-data file uploads, each with its own body limit. */
  uploads?: { pattern: RegExp; maxSize: number }[];
  /** Finishes background work (e.g. mails being sent) before the process exits. */
  stop?(): Promise<void>;
  /** The one module that knows sessions provides this. */
  sessionResolver?(deps: AppDeps): SessionResolver;
}
