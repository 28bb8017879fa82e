// Runs every bench/*.bench.ts in sequence, each in its own process (so one benchmark's warm JIT,
// heap or leftover servers never colour the next), and exits non-zero if any of them failed.
//   npm run bench                 all of them
//   npm run bench -- http         only those whose name contains "http"
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`no bench/*.bench.ts${filters.length ? ` matching ${filters.join(', ')}` : ''}\n`);
  process.exit(1);
}

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], { stdio: 'inherit', cwd: path.dirname(benchDir) });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Ctrl-C reaches the running benchmark too (same process group): let it clean up, then stop.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

const results: { file: string; code: number; seconds: number }[] = [];
for (const file of files) {
  if (interrupted) break;
  process.stdout.write(`\n=== ${file} ===\n`);
  const t0 = Date.now();
  const code = await runOne(file);
  results.push({ file, code, seconds: (Date.now() - t0) / 1000 });
}

process.stdout.write('\n=== summary ===\n');
for (const r of results) process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'}  ${r.file}  (${r.seconds.toFixed(0)} s${r.code === 0 ? '' : `, exit ${r.code}`})\n`);
process.exit(interrupted || results.some((r) => r.code !== 0) ? 1 : 0);
