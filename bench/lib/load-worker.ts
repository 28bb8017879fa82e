// Child process that generates load with autocannon, pinned to its own core by the parent.
// Latency percentiles are computed here from every 2xx response time (autocannon's own histogram
// rounds to whole milliseconds, too coarse for a 30 ms target with single-digit medians).
import autocannon from 'autocannon';
import { cpuMicros, serveParent } from './child.js';

export interface LoadResult {
  url: string;
  durationS: number;
  requests: number;
  rps: number;
  /** Milliseconds, 2xx responses only. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** CPU the load generator itself used, as a share of one core: near 1.0 means it may be the bottleneck. */
  loadgenCpu: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function runLoad(url: string, connections: number, duration: number): Promise<LoadResult> {
  let times = new Float64Array(1 << 16);
  let n = 0;
  const cpu0 = cpuMicros();
  const t0 = process.hrtime.bigint();
  const instance = autocannon({ url, connections, duration });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    if (statusCode < 200 || statusCode >= 300) return;
    if (n === times.length) {
      const bigger = new Float64Array(times.length * 2);
      bigger.set(times);
      times = bigger;
    }
    times[n++] = ms;
  });
  const r = await instance;
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = cpuMicros() - cpu0;
  const sorted = times.subarray(0, n).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats)) statusCodes[code] = s.count;
  return {
    url,
    durationS: r.duration,
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    loadgenCpu: cpu / wallUs,
  };
}

serveParent(
  {
    async run(m) {
      const result = await runLoad(String(m.url), Number(m.connections), Number(m.duration));
      return { result };
    },
  },
  {},
);
