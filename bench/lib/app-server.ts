// Child process: the real app (same boot and server code as `samskab serve`) on the bench database.
// On request it records every statement node-postgres sends, so the benchmark can show, check and
// replay exactly what one page request costs the database. Recording is off while load runs.
import pg from 'pg';
import { loadConfig } from '../../src/core/config/config.js';
import { boot } from '../../src/boot.js';
import { startServer } from '../../src/server.js';
import { cpuMicros, serveParent } from './child.js';

export interface CapturedStatement {
  text: string;
  values: unknown[];
  /** Backend process id: statements with the same pid ran on the same connection. */
  pid: number;
}

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');

// Production mode: no dev-outbox link, no demo seeding; the parent migrated and seeded already.
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0' });
const deps = await boot(config);
const server = await startServer(deps, 0, '127.0.0.1');

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: QueryFn };
const originalQuery = proto.query;
let captured: CapturedStatement[] = [];

function startCapture(): void {
  proto.query = function (this: pg.Client & { processID?: number }, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '');
    const values = Array.isArray(second) ? second : ((first as { values?: unknown[] })?.values ?? []);
    captured.push({ text, values: [...values], pid: this.processID ?? -1 });
    return originalQuery.apply(this, args);
  };
}

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await deps.db.close();
  // A normal exit, so --cpu-prof can write its profile.
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

serveParent(
  {
    cpu: () => ({ micros: cpuMicros() }),
    'capture-start': () => {
      captured = [];
      startCapture();
    },
    'capture-take': () => {
      const out = captured;
      captured = [];
      return { statements: out };
    },
    'capture-stop': () => {
      proto.query = originalQuery;
      captured = [];
    },
  },
  { port: server.port, pid: process.pid },
);
