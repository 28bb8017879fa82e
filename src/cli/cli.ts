// `samskab` — the command line: serve, migrate, seed, and the modules' own commands.
import { loadConfig } from '../core/config/config.js';
import type { CliCommand } from '../core/module.js';
import { appModules } from '../app-modules.js';
import { coreCommands } from './core-commands.js';

export async function runCli(argv: string[]): Promise<number> {
  const commands = combineCommands([...coreCommands.map((command) => ({ owner: 'core', command })), ...appModules.flatMap((m) => (m.commands ?? []).map((command) => ({ owner: m.name, command })))]);
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

/**
 * Commands of the same name from several modules become one command that runs each part in module
 * order, handing each the options it declares; `--only=<module>[,<module>]` picks parts.
 */
export function combineCommands(parts: { owner: string; command: CliCommand }[]): CliCommand[] {
  const byName = new Map<string, { owner: string; command: CliCommand }[]>();
  for (const p of parts) byName.set(p.command.name, [...(byName.get(p.command.name) ?? []), p]);
  return [...byName.values()].map((group) => (group.length === 1 ? group[0]!.command : combined(group)));
}

const optionName = (arg: string) => /^--([^=]+)/.exec(arg)?.[1] ?? arg;

function combined(group: { owner: string; command: CliCommand }[]): CliCommand {
  const name = group[0]!.command.name;
  const owners = group.map((g) => g.owner);
  const usage = [
    ...group.map((g) => `[${g.owner}]\n${g.command.usage}`),
    '',
    `Parts run in this order: ${owners.join(', ')}. --only=${owners.join(',')} (any of them) runs only those parts.`,
  ].join('\n\n');
  return {
    name,
    summary: group.map((g) => g.command.summary).join('; '),
    usage,
    async run(args, getDeps) {
      const only = args.find((a) => a.startsWith('--only='));
      const picked = only ? only.slice('--only='.length).split(',').filter(Boolean) : owners;
      const unknownPart = picked.find((p) => !owners.includes(p));
      if (unknownPart) {
        process.stderr.write(`${name}: no part "${unknownPart}" (parts: ${owners.join(', ')})\n`);
        return 2;
      }
      const rest = args.filter((a) => a !== only);
      const parts = group.filter((g) => picked.includes(g.owner));
      const accepted = (g: { command: CliCommand }, arg: string) => !g.command.options || g.command.options.includes(optionName(arg));
      const stray = rest.find((a) => !parts.some((g) => accepted(g, a)));
      if (stray) {
        process.stderr.write(`${name}: unknown argument ${stray}\n\n${usage}\n`);
        return 2;
      }
      for (const g of parts) {
        const code = await g.command.run(
          rest.filter((a) => accepted(g, a)),
          getDeps,
        );
        if (code !== 0) return code;
      }
      return 0;
    },
  };
}
