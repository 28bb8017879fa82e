// Tiny `--name value` / `--flag` parser for bench scripts (`npm run bench:http -- --duration 10`).

export type ArgSpec = Record<string, { default: number } | { default: boolean } | { default: string }>;
export type Args<S extends ArgSpec> = { [K in keyof S]: S[K]['default'] };

export function parseArgs<S extends ArgSpec>(argv: string[], spec: S, usage: string): Args<S> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = v.default;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(usage + '\n');
      process.exit(0);
    }
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(a);
    const key = m?.[1]?.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!m || !key || !(key in spec)) throw new Error(`unknown argument ${a}\n\n${usage}`);
    const def = spec[key]!.default;
    if (typeof def === 'boolean') {
      out[key] = m[2] === undefined ? true : m[2] !== 'false';
      continue;
    }
    const raw = m[2] ?? argv[++i];
    if (raw === undefined) throw new Error(`${a} needs a value`);
    if (typeof def === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a non-negative number, got ${raw}`);
      out[key] = n;
    } else out[key] = raw;
  }
  return out as Args<S>;
}

/** parseArgs, but a bad argument prints the message and exits 2 instead of throwing. */
export function parseArgsOrExit<S extends ArgSpec>(argv: string[], spec: S, usage: string): Args<S> {
  try {
    return parseArgs(argv, spec, usage);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
