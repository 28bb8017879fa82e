// Dependency-rule linter for src/ (DESIGN.md §3). No dependencies and no TypeScript parser:
// a small scanner blanks comments (and, for some rules, string contents) while keeping offsets,
// so plain regexes can find imports, `process.env` and `.only(` without being fooled by comments.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Violation = { file: string; line: number; rule: string; message: string };

/**
 * Where modules may be imported from outside src/modules/: the composition root, i.e. src/cli/ and
 * files directly in src/ (main.ts, app.ts, app-modules.ts, boot.ts ...) or directly in src/modules/
 * (a registry). Shared folders such as src/testing/ may not, or they become a back door between modules.
 */
const COMPOSITION_ROOT = [/^src\/cli\//, /^src\/[^/]+\.tsx?$/, /^src\/modules\/[^/]+\.tsx?$/];
const SOURCE_EXT = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /\.test\.tsx?$/;
/** NodeNext needs the runtime extension; .json is fine with resolveJsonModule. */
const RUNTIME_EXT = /\.(js|mjs|cjs|json)$/;

type Scanned = { noComments: string; codeOnly: string };

/**
 * Returns two copies of `src` with the same length and line breaks:
 * `noComments` has comments blanked; `codeOnly` also blanks string and template text
 * (but keeps `${...}` code). Regex literals are recognised by the token before the slash.
 */
export function scan(src: string): Scanned {
  const nc = src.split('');
  const co = src.split('');
  const blank = (i: number, both: boolean) => {
    if (src[i] === '\n') return;
    co[i] = ' ';
    if (both) nc[i] = ' ';
  };
  // Each `${` inside a template pushes the brace depth at which that template resumes.
  const templates: number[] = [];
  let depth = 0;
  let prev = ''; // last significant code character, for regex detection
  let prevWord = '';
  let i = 0;

  const scanTemplate = (): void => {
    // i is just after a backtick or a closing `}` of `${`
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { blank(i, false); blank(i + 1, false); i += 2; continue; }
      if (c === '`') { i++; prev = '`'; return; }
      if (c === '$' && src[i + 1] === '{') { templates.push(depth); depth++; i += 2; prev = '{'; return; }
      blank(i, false);
      i++;
    }
  };

  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') blank(i++, true);
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      while (i < stop) blank(i++, true);
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') blank(i++, false);
        blank(i++, false);
      }
      i++;
      prev = c;
      continue;
    }
    if (c === '`') { i++; scanTemplate(); continue; }
    if (c === '/' && regexCanStart(prev, prevWord)) {
      // Skip to the closing slash on the same line; if there is none it was a division after all.
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n') {
        if (src[j] === '\\') { j += 2; continue; }
        if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        else if (src[j] === '/' && !inClass) break;
        j++;
      }
      if (src[j] === '/') { i = j + 1; prev = '/'; prevWord = ''; continue; }
    }
    if (c === '{') depth++;
    if (c === '}') {
      if (templates.length > 0 && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        i++;
        scanTemplate();
        continue;
      }
      depth--;
    }
    if (!/\s/.test(c)) {
      if (/[\w$]/.test(c)) prevWord = /[\w$]/.test(prev) ? prevWord + c : c;
      else prevWord = '';
      prev = c;
    }
    i++;
  }
  return { noComments: nc.join(''), codeOnly: co.join('') };
}

function regexCanStart(prev: string, prevWord: string): boolean {
  if (prev === '' || '(,=:[!&|?{};+-*%~^>'.includes(prev)) return true;
  return /^(return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new)$/.test(prevWord);
}

type Import = { spec: string; line: number };

const STATIC_IMPORT = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s*)?(['"])([^'"\n]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"`])([^'"`\n$]+)\1\s*[,)]/g;

export function findImports(text: Scanned): Import[] {
  const out: Import[] = [];
  for (const re of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
    for (const m of text.noComments.matchAll(re)) {
      const at = m.index! + m[0].search(/import|export/);
      if (text.codeOnly.slice(at, at + 6) !== text.noComments.slice(at, at + 6)) continue; // inside a string
      out.push({ spec: m[2]!, line: lineAt(text.noComments, at) });
    }
  }
  return out;
}

// process.env, process?.env, process['env'], `import { env } from 'node:process'`, `const { env } = process`
const ENV_READS = [
  /\bprocess\s*\??\.\s*env\b/g,
  /\bprocess\s*\??\.?\[\s*['"`]env['"`]\s*\]/g,
  /\bimport\s*(?:type\s+)?\{[^}]*\benv\b[^}]*\}\s*from\s*['"](?:node:)?process['"]/g,
  /\{[^}]*\benv\b[^}]*\}\s*=\s*process\b/g,
];
// test.only(, describe.only(, it.only(, and the options form test('x', { only: true }, ...)
const ONLY_CALLS = [/\.\s*only\s*\(/g, /\bonly\s*:\s*true\b/g];

/** Lines of matches (searched with strings intact) whose first character is code, not string or comment. */
function codeMatches(text: Scanned, patterns: RegExp[]): number[] {
  const lines: number[] = [];
  for (const re of patterns) {
    for (const m of text.noComments.matchAll(re)) {
      if (text.codeOnly[m.index!] === text.noComments[m.index!]) lines.push(lineAt(text.noComments, m.index!));
    }
  }
  return lines;
}

function isDir(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

function lineAt(s: string, offset: number): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0 && i < offset; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p, keep, out); }
    else if (keep(e.name)) out.push(p);
  }
  return out;
}

/** `src/modules/<name>/...` → name; anything else → undefined. */
function moduleOf(rel: string): string | undefined {
  return /^src\/modules\/([^/]+)\//.exec(rel)?.[1];
}

/** Lints `<rootDir>/src`; paths in violations are relative to rootDir with forward slashes. */
export function lintTree(rootDir: string): Violation[] {
  const violations: Violation[] = [];
  const add = (file: string, line: number, rule: string, message: string) =>
    violations.push({ file, line, rule, message });
  const rel = (abs: string) => path.relative(rootDir, abs).split(path.sep).join('/');
  const srcDir = path.join(rootDir, 'src');
  // module → imported module → first place it happens (for cycle reports)
  const edges = new Map<string, Map<string, string>>();

  for (const abs of walk(srcDir, (n) => SOURCE_EXT.test(n) && !n.endsWith('.d.ts'))) {
    const file = rel(abs);
    const text = scan(fs.readFileSync(abs, 'utf8'));
    const from = moduleOf(file);
    const isTest = TEST_FILE.test(file);

    for (const { spec, line } of findImports(text)) {
      if (!spec.startsWith('.')) continue; // packages and node: builtins
      if (!RUNTIME_EXT.test(spec)) {
        add(file, line, 'import-extension', `relative import '${spec}' must end in .js (NodeNext resolves runtime paths)`);
      }
      const targetAbs = path.resolve(path.dirname(abs), spec);
      const target = rel(targetAbs);
      const to = moduleOf(target) ?? (isDir(targetAbs) ? moduleOf(target + '/') : undefined); // `../b` = folder import
      if (!to || to === from) continue;
      if (file.startsWith('src/core/')) {
        add(file, line, 'core-imports-module', `core must not import from modules ('${spec}')`);
        continue;
      }
      if (!from && !COMPOSITION_ROOT.some((re) => re.test(file))) {
        add(file, line, 'module-import-outside-root', `only the composition root (src/cli/, src/*.ts) may import modules ('${spec}')`);
        continue;
      }
      if (from) {
        if (!/^src\/modules\/[^/]+(\/index(\.(js|ts|tsx))?)?\/?$/.test(target)) {
          add(file, line, 'module-boundary', `import module '${to}' only through src/modules/${to}/index.ts ('${spec}')`);
        }
        // Tests may reach across (e.g. to set up data); the production dependency graph is what must stay acyclic.
        if (isTest) continue;
        if (to === 'insights') {
          // Reported here; kept out of the graph so it does not also show up as cycles through insights.
          add(file, line, 'insights-dependency', `nobody may depend on insights ('${spec}')`);
          continue;
        }
        const m = edges.get(from) ?? new Map<string, string>();
        if (!m.has(to)) m.set(to, `${file}:${line}`);
        edges.set(from, m);
      }
    }

    if (!file.startsWith('src/core/config/')) {
      for (const line of codeMatches(text, ENV_READS)) add(file, line, 'process-env', 'only src/core/config reads process.env');
    }
    if (isTest) {
      for (const line of codeMatches(text, ONLY_CALLS)) add(file, line, 'test-only', 'remove .only before committing');
    }
  }

  for (const cycle of findCycles(edges)) {
    const first = edges.get(cycle[0]!)!.get(cycle[1]!)!;
    const [f, l] = [first.slice(0, first.lastIndexOf(':')), Number(first.slice(first.lastIndexOf(':') + 1))];
    add(f, l, 'module-cycle', `modules import each other in a cycle: ${cycle.join(' → ')}`);
  }

  violations.push(...lintMigrations(rootDir, rel));
  return violations;
}

/** Each elementary cycle once, as [a, b, ..., a], found by DFS from each module in sorted order. */
function findCycles(edges: Map<string, Map<string, string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const nodes = [...edges.keys()].sort();
  for (const start of nodes) {
    const stack: string[] = [start];
    const visit = (n: string) => {
      for (const to of [...(edges.get(n)?.keys() ?? [])].sort()) {
        if (to === start) {
          const key = [...stack].sort().join(',');
          if (!seen.has(key)) { seen.add(key); cycles.push([...stack, start]); }
        } else if (to > start && !stack.includes(to)) {
          // only nodes "after" start, so each cycle is reported from its smallest member
          stack.push(to);
          visit(to);
          stack.pop();
        }
      }
    };
    visit(start);
  }
  return cycles;
}

const TABLE_DDL = /\b(create\s+(?:(?:global\s+|local\s+)?(?:temporary|temp|unlogged)\s+)?table(?:\s+if\s+not\s+exists)?|alter\s+table(?:\s+if\s+exists)?(?:\s+only)?)\s+((?:"[^"]+"|[\w$]+)(?:\s*\.\s*(?:"[^"]+"|[\w$]+))*)/gi;

function lintMigrations(rootDir: string, rel: (abs: string) => string): Violation[] {
  const out: Violation[] = [];
  const modulesDir = path.join(rootDir, 'src', 'modules');
  if (!fs.existsSync(modulesDir)) return out;
  for (const e of fs.readdirSync(modulesDir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    for (const abs of walk(path.join(modulesDir, e.name, 'migrations'), (n) => n.endsWith('.sql'))) {
      const sql = fs.readFileSync(abs, 'utf8').replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (s) => s.replace(/[^\n]/g, ' '));
      for (const m of sql.matchAll(TABLE_DDL)) {
        const table = m[2]!.split('.').pop()!.trim().replace(/"/g, '');
        // The module's own name is its table too (the `municipalities` table of module municipalities).
        const owner = e.name.toLowerCase();
        if (table.toLowerCase() !== owner && !table.toLowerCase().startsWith(`${owner}_`)) {
          out.push({
            file: rel(abs), line: lineAt(sql, m.index!), rule: 'migration-table',
            message: `module '${e.name}' may only create/alter tables named ${e.name} or ${e.name}_* (found '${table}')`,
          });
        }
      }
    }
  }
  return out;
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const started = performance.now();
  const violations = lintTree(root);
  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const v of violations) console.log(`${v.file}:${v.line}: ${v.rule}: ${v.message}`);
  const ms = Math.round(performance.now() - started);
  if (violations.length > 0) {
    console.log(`lint: ${violations.length} violation(s) (${ms} ms)`);
    process.exitCode = 1;
  } else {
    const files = walk(path.join(root, 'src'), (n) => SOURCE_EXT.test(n) || n.endsWith('.sql')).length;
    console.log(`lint: ${files} files clean (${ms} ms)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
