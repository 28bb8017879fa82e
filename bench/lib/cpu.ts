// CPU accounting from /proc, so a result says how busy each core was and what PostgreSQL itself
// spent per request. Linux only; elsewhere every reading is null and the columns show "-".
import fs from 'node:fs';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

export interface CoreTimes {
  busy: number;
  total: number;
}

/** Jiffies per CPU (cpu0, cpu1, ...), busy = everything except idle and iowait. */
export function coreTimes(): CoreTimes[] | null {
  try {
    return fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((l) => /^cpu\d+ /.test(l))
      .map((l) => {
        const v = l.trim().split(/\s+/).slice(1).map(Number);
        const total = v.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already in user
        const idle = (v[3] ?? 0) + (v[4] ?? 0);
        return { busy: total - idle, total };
      });
  } catch {
    return null;
  }
}

/** Busy share per core between two readings. */
export function coreBusy(a: CoreTimes[] | null, b: CoreTimes[] | null): number[] | null {
  if (!a || !b) return null;
  return b.map((t, i) => {
    const d = t.total - (a[i]?.total ?? 0);
    return d > 0 ? (t.busy - (a[i]?.busy ?? 0)) / d : NaN;
  });
}

function statFields(pid: number): string[] | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces.
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The command name of a process (/proc/<pid>/comm), or null. */
export function processName(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Parent pid of a process, or null if it is not visible here. */
export function parentPid(pid: number): number | null {
  const f = statFields(pid);
  return f ? Number(f[1]) : null;
}

/**
 * CPU time in µs of a process and all its direct children, counting children that have exited
 * (cutime/cstime), so PostgreSQL's postmaster covers every backend, past and present.
 */
export function treeCpuMicros(pid: number): number | null {
  const own = statFields(pid);
  if (!own) return null;
  // fields after the ")": state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_US;
}
