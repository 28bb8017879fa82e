// The real start-up path: `samskab serve` on a fresh embedded database migrates, seeds, answers
// /healthz, and on SIGTERM finishes the requests already in flight before exiting cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { environmentCopy, repoRoot } from '../core/config/config.js';

test('serve starts on a fresh data folder, seeds once, and shuts down gracefully', { timeout: 120_000 }, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samskab-serve-'));
  const env: Record<string, string | undefined> = { ...environmentCopy(), PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /"msg":"Samskab is running[^\n]*"port":(\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}:\n${log}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const health = await fetch(`${base}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite' });
  assert.match(log, /demo data seeded/);

  // Requests already on the wire when the signal arrives: the headers are half sent, so the server
  // holds the connection as active; it must still answer them after SIGTERM.
  const sockets = await Promise.all(Array.from({ length: 5 }, () => openHalfRequest(port, '/m/hedensted')));
  // Node counts a connection as busy once it has read the first bytes of a request; give the
  // server (on a loaded machine) time to read them, or it would rightly close them as idle.
  await new Promise((r) => setTimeout(r, 1_000));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  const responses = await Promise.all(sockets.map((s) => s.finish()));
  for (const r of responses) assert.match(r, /^HTTP\/1\.1 200 /);
  assert.equal(await exited, 0);
  await assert.rejects(fetch(`${base}/healthz`), 'no longer listening');

  // A second start on the same folder does not seed again.
  const again = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'seed'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  again.stdout.on('data', (c: Buffer) => (out += c.toString()));
  assert.equal(await new Promise((r) => again.on('exit', r)), 0);
  assert.match(out, /already present/);
  await fs.rm(dataDir, { recursive: true, force: true });
});

function openHalfRequest(port: number, path: string): Promise<{ finish(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`);
      let received = '';
      socket.on('data', (c: Buffer) => (received += c.toString()));
      const ended = new Promise<string>((done) => socket.on('close', () => done(received)));
      resolve({
        finish() {
          socket.write('\r\n');
          return ended;
        },
      });
    });
    socket.on('error', reject);
  });
}
