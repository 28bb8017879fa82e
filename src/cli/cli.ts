// `samskab` — the command line: serve, migrate, seed, and the modules' own commands.
import { loadConfig } from '../core/config/config.js';
import type { CliCommand } from '../core/module.js';
import { appModules } from '../app-modules.js';
import { coreCommands } from './core-commands.js';

export async function runCli(argv: string[]): Promise<number> {
  const commands: CliCommand[] = [...coreCommands, ...appModules.flatMap((m) => m.commands ?? [])];
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`samskab: unknown command "${name}"\n\n${help(commands)}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  let deps: Awaited<ReturnType<Parameters<CliCommand['run']>[1]>> | undefined;
  const getDeps = async () => {
    if (!deps) {
      const { boot } = await import('../boot.js');
      deps = await boot(loadConfig());
    }
    return deps;
  };
  try {
    return await command.run(args, getDeps);
  } finally {
    if (deps && command.name !== 'serve') await deps.db.close();
  }
}

function help(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: samskab <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `samskab <command> --help` for the options of one command.',
    'Configuration comes from the environment: PORT, DATABASE_URL, DATA_DIR, SMTP_URL, BASE_URL (see README).',
    '',
  ].join('\n');
}
