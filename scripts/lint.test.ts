// Each rule of scripts/lint.ts on small trees written to a temp folder: it fires when broken and
// stays quiet on a clean tree, including on text that only looks like an import or process.env.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintTree, type Violation } from './lint.js';

function lintFiles(files: Record<string, string>): Violation[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-lint-'));
  try {
    for (const [rel, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), body);
    }
    return lintTree(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const brief = (vs: Violation[]) => vs.map((v) => `${v.file}:${v.line}: ${v.rule}`).sort();

const clean: Record<string, string> = {
  'src/core/config/config.ts': "export const url = process.env.DATABASE_URL;\n",
  'src/core/db/db.ts': "import { url } from '../config/config.js';\nimport pg from 'pg';\nexport const x = [url, pg];\n",
  'src/modules/a/index.ts': "export * from './a.service.js';\nexport type { A } from './a.types.js';\n",
  'src/modules/a/a.service.ts': "import { url } from '../../core/config/config.js';\nexport const a = url;\n",
  'src/modules/a/a.types.ts': 'export type A = { id: string };\n',
  'src/modules/a/a.test.ts': "import { test } from 'node:test';\ntest('a', () => {});\n",
  'src/modules/b/index.ts': "import { a } from '../a/index.js';\nexport const b = () => import('../a/index.js').then(() => a);\n",
  'src/modules/b/b.test.ts': "// This file mentions process.env and test.only( in comments only.\n" +
    "const s = 'process.env.X and import x from \"../a/a.service.js\" and test.only(';\n" +
    "const r = /^postgres(ql)?:\\/\\//; const t = `import('../a/a.service.js') ${s + String(r)}`;\n",
  'src/modules/insights/index.ts': "import { a } from '../a/index.js';\nimport { b } from '../b/index.js';\nexport const i = [a, b];\n",
  'src/modules/a/migrations/001_init.sql': 'create table a (id int);\nCREATE TABLE a_things (id int);\nalter table if exists only public.a_things add column x int;\n-- create table other (id int);\n',
  'src/cli/main.ts': "import { b } from '../modules/b/index.js';\nimport { i } from '../modules/insights/index.js';\nexport const m = [b, i];\n",
  'src/main.ts': "import './cli/main.js';\n",
  'src/app-modules.ts': "export { a } from './modules/a/index.js';\n",
  'src/modules/registry.ts': "export * from './a/index.js';\n",
  'src/views/page.tsx': "export const P = () => <p>It's a/b</p>;\n",
  'src/data.ts': "import data from './data.json' with { type: 'json' };\nexport default data;\n",
};

test('a clean tree passes, including look-alikes in strings, comments, regexes and templates', () => {
  assert.deepEqual(brief(lintFiles(clean)), []);
});

test('rule 1: core never imports modules', () => {
  const vs = lintFiles({ ...clean, 'src/core/http/app.ts': "import { a } from '../../modules/a/index.js';\nexport { a };\n" });
  assert.deepEqual(brief(vs), ['src/core/http/app.ts:1: core-imports-module']);
});

test('rule 2: another module only through its index, static, re-export or dynamic', () => {
  const vs = lintFiles({
    ...clean,
    'src/modules/c/index.ts':
      "import type { A } from '../a/a.types.js';\n" +
      "export { a } from '../a/a.service.js';\n" +
      "export const later = () => import('../a/a.service.js');\n" +
      "import { ok } from '../a/index.js';\nimport './c.local.js';\n",
  });
  assert.deepEqual(brief(vs), [
    'src/modules/c/index.ts:1: module-boundary',
    'src/modules/c/index.ts:2: module-boundary',
    'src/modules/c/index.ts:3: module-boundary',
  ]);
});

test('only the composition root (src/cli/, src/*.ts) may import modules from outside them', () => {
  const vs = lintFiles({ ...clean, 'src/testing/helper.ts': "import { a } from '../modules/a/index.js';\nexport { a };\n" });
  assert.deepEqual(brief(vs), ['src/testing/helper.ts:1: module-import-outside-root']);
});

test('rule 3: a cycle between modules is reported once with its path', () => {
  const vs = lintFiles({
    ...clean,
    'src/modules/a/a.service.ts': "import { c } from '../c/index.js';\nexport const a = c;\n",
    'src/modules/c/index.ts': "import { b } from '../b/index.js';\nexport const c = b;\n",
  });
  assert.deepEqual(brief(vs), ['src/modules/a/a.service.ts:1: module-cycle']);
  assert.match(vs[0]!.message, /a → c → b → a/);
});

test('rule 3: imports in test files do not make a cycle', () => {
  const vs = lintFiles({ ...clean, 'src/modules/a/a.test.ts': "import { b } from '../b/index.js';\nvoid b;\n" });
  assert.deepEqual(brief(vs), []);
});

test('rule 3: nobody depends on insights', () => {
  const vs = lintFiles({ ...clean, 'src/modules/a/a.view.ts': "export const v = await import('../insights/index.js');\n" });
  assert.deepEqual(brief(vs), ['src/modules/a/a.view.ts:1: insights-dependency']);
});

test('rule 4: only core/config reads process.env, in any spelling', () => {
  const vs = lintFiles({
    ...clean,
    'src/core/db/db.ts': 'export const a = process.env.A;\nexport const b = process?.env;\n' +
      "export const c = process['env'];\nconst { env } = process;\nexport { env };\n",
    'src/modules/a/a.env.ts': "import { env } from 'node:process';\nexport const x = env;\n",
  });
  assert.deepEqual(brief(vs), [
    'src/core/db/db.ts:1: process-env',
    'src/core/db/db.ts:2: process-env',
    'src/core/db/db.ts:3: process-env',
    'src/core/db/db.ts:4: process-env',
    'src/modules/a/a.env.ts:1: process-env',
  ]);
});

test('rule 5: relative imports end in .js', () => {
  const vs = lintFiles({
    ...clean,
    'src/core/db/db.ts': "import { url } from '../config/config';\nimport { x } from '../config/config.ts';\n" +
      "import {\n  y,\n} from './y';\nexport * from './z.js';\nexport const q = [url, x, y];\n",
  });
  assert.deepEqual(brief(vs), [
    'src/core/db/db.ts:1: import-extension',
    'src/core/db/db.ts:2: import-extension',
    'src/core/db/db.ts:3: import-extension',
  ]);
});

test('rule 6: no .only in test files', () => {
  const vs = lintFiles({
    ...clean,
    'src/modules/a/a.test.ts': "import { test, describe } from 'node:test';\ntest.only('x', () => {});\n" +
      "describe.only('y', () => {});\ntest('z', { only: true }, () => {});\n",
    'src/modules/a/a.service.ts': 'export const pick = { only: true };\n', // not a test file
  });
  assert.deepEqual(brief(vs), ['src/modules/a/a.test.ts:2: test-only', 'src/modules/a/a.test.ts:3: test-only', 'src/modules/a/a.test.ts:4: test-only']);
});

test('rule 7: migrations touch only the module\'s own tables', () => {
  const vs = lintFiles({
    ...clean,
    'src/modules/a/migrations/002_more.sql':
      'create table if not exists public.a_ok (id int);\n' +
      'CREATE TABLE b_things (id int);\n' +
      'ALTER TABLE ONLY "public"."users" ADD COLUMN x int;\n' +
      'create unlogged table ab (id int);\n',
  });
  assert.deepEqual(brief(vs), [
    'src/modules/a/migrations/002_more.sql:2: migration-table',
    'src/modules/a/migrations/002_more.sql:3: migration-table',
    'src/modules/a/migrations/002_more.sql:4: migration-table',
  ]);
  assert.match(vs[1]!.message, /'users'/);
});
