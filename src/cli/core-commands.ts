// The commands every installation has: serve, migrate, seed.
import type { CliCommand } from '../core/module.js';

export const coreCommands: CliCommand[] = [
  {
    name: 'serve',
    summary: 'run the web server (migrates, and seeds demo data on first start outside production)',
    usage: 'samskab serve [--no-seed]\n\nServes on PORT (default 3000). Uses DATABASE_URL, or embedded PostgreSQL in DATA_DIR (default ./data).',
    async run(args, getDeps) {
      const deps = await getDeps();
      const { seedOnce } = await import('../boot.js');
      const { startServer, shutdownOnSignals } = await import('../server.js');
      if (!args.includes('--no-seed') && deps.config.env !== 'production') {
        const seeded = await seedOnce(deps, (line) => deps.log.info(line));
        if (seeded) deps.log.info('demo data seeded (see README for the demo accounts)');
      }
      const running = await startServer(deps);
      shutdownOnSignals(running, deps);
      deps.log.info(`Samskab is running at ${deps.config.baseUrl}`, { port: running.port, database: deps.db.kind });
      return new Promise<number>(() => {});
    },
  },
  {
    name: 'migrate',
    summary: 'apply pending database migrations and exit',
    usage: 'samskab migrate\n\nApplies core and module migrations to DATABASE_URL or the embedded database.',
    async run(_args, getDeps) {
      await getDeps();
      process.stdout.write('migrations are up to date\n');
      return 0;
    },
  },
  {
    name: 'seed',
    summary: 'load the demo municipalities, people and content',
    usage: 'samskab seed [--force]\n\nSeeds demo data once; --force runs the (idempotent) seeds again.',
    async run(args, getDeps) {
      const deps = await getDeps();
      const { seedOnce } = await import('../boot.js');
      const seeded = await seedOnce(deps, (line) => process.stdout.write(line + '\n'), args.includes('--force'));
      process.stdout.write(seeded ? 'demo data seeded\n' : 'demo data already present (use --force to run the seeds again)\n');
      return 0;
    },
  },
];
