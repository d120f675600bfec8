/** Loads the slash commands from `commands/`, one file each, checking each file's shape. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.ts';
import type { SlashCommand } from './context.ts';

/** The folder of command files. */
export const COMMANDS_DIR = path.join(PROJECT_ROOT, 'commands');

/** A command file does not export a usable command. */
export class CommandFileError extends Error {
  override name = 'CommandFileError';
}

function isSlashCommand(value: unknown): value is SlashCommand {
  const c = value as Partial<SlashCommand> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.data?.name === 'string' &&
    typeof c.data.toJSON === 'function' &&
    typeof c.execute === 'function' &&
    (c.autocomplete === undefined || typeof c.autocomplete === 'function') &&
    (c.moderation === undefined || typeof c.moderation === 'boolean')
  );
}

/**
 * Imports every `.ts`/`.js` file of `dir` and returns its `command` export by name. Throws
 * CommandFileError naming the file when one lacks `command` with `data` and `execute`, or when
 * two files declare the same name.
 */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, SlashCommand>> {
  const commands = new Map<string, SlashCommand>();
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { command?: unknown };
    if (!isSlashCommand(module.command)) {
      throw new CommandFileError(
        `${file} must export \`command\` with \`data\` (a SlashCommandBuilder) and \`execute\``,
      );
    }
    if (commands.has(module.command.data.name))
      throw new CommandFileError(`${file} declares /${module.command.data.name} a second time`);
    commands.set(module.command.data.name, module.command);
  }
  return commands;
}
