// Child processes for a benchmark: each runs a TypeScript entry with tsx, optionally pinned to one
// CPU with taskset (server and load generator must not share a core), and answers requests over IPC.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';

export interface Pinning {
  /** False when taskset is missing or the machine has a single CPU: children then float. */
  available: boolean;
  cpus: number;
}

export function pinning(): Pinning {
  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  const taskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' });
  return { available: taskset.status === 0 && cpus >= 2, cpus };
}

export interface Child {
  readonly pid: number;
  readonly name: string;
  /** Sends `{type, ...payload}` and resolves with the child's reply of the same id. */
  call<T = unknown>(type: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  entry: string;
  /** CPU to pin to, when pinning is available. */
  cpu?: number | undefined;
  pin: Pinning;
  env?: Record<string, string | undefined>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  args?: string[];
  cwd: string;
}

/** Starts the child and waits for its `{type: 'ready'}` message. */
export async function spawnChild(o: SpawnOptions): Promise<Child & { ready: Record<string, unknown> }> {
  const nodeArgs = [...(o.nodeFlags ?? []), '--import', 'tsx', o.entry, ...(o.args ?? [])];
  const pinned = o.pin.available && o.cpu !== undefined;
  const [cmd, argv] = pinned ? ['taskset', ['-c', String(o.cpu), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const proc: ChildProcess = spawn(cmd as string, argv as string[], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  let exited: Error | null = null;

  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    proc.on('message', (m: { type?: string; id?: number; error?: string; [k: string]: unknown }) => {
      if (m.type === 'ready') return resolve(m);
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error) p.reject(new Error(`${o.name}: ${m.error}`));
      else p.resolve(m as never);
    });
    proc.on('exit', (code, signal) => {
      exited = new Error(`${o.name} exited (code ${code}, signal ${signal})`);
      reject(exited);
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(exited);
      }
      pending.clear();
    });
    proc.on('error', reject);
  });
  const readyMsg = await ready;

  return {
    pid: proc.pid as number,
    name: o.name,
    ready: readyMsg,
    call<T>(type: string, payload: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
      if (exited) return Promise.reject(exited);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${o.name}: no answer to ${type} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: never) => void, reject, timer });
        proc.send({ ...payload, type, id });
      });
    },
    async stop() {
      if (exited || proc.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

type Handler = (msg: Record<string, unknown>) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** In the child: answers the parent's calls and says it is ready. */
export function serveParent(handlers: Record<string, Handler>, ready: Record<string, unknown>): void {
  if (!process.send) throw new Error('must be started by the benchmark (no IPC channel)');
  process.on('message', async (m: { type: string; id: number; [k: string]: unknown }) => {
    const h = handlers[m.type];
    try {
      if (!h) throw new Error(`unknown call ${m.type}`);
      const out = (await h(m)) ?? {};
      process.send!({ ...out, id: m.id });
    } catch (e) {
      process.send!({ id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  });
  // The parent going away must take the child with it.
  process.on('disconnect', () => process.exit(0));
  process.send({ ...ready, type: 'ready' });
}

/** CPU time the calling process has used, in microseconds (user + system). */
export function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}
