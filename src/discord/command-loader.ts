/** Loads the slash commands from `commands/`, one file each, checking each file's shape. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.ts';
import type { ComponentHandler, SlashCommand } from './context.ts';

/** The folder of command files. */
export const COMMANDS_DIR = path.join(PROJECT_ROOT, 'commands');

/** A command file does not export a usable command. */
export class CommandFileError extends Error {
  override name = 'CommandFileError';
}

/** A custom-id prefix: a name and the colon that ends it (`more:`). */
const PREFIX = /^[a-z][a-z0-9-]*:$/;

const KINDS = new Set(['button', 'select', 'modal']);

function isComponentMap(value: unknown): value is Record<string, ComponentHandler> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).every(([prefix, handler]) => {
    const h = handler as Partial<ComponentHandler> | null;
    return PREFIX.test(prefix) && KINDS.has(String(h?.kind)) && typeof h?.handle === 'function';
  });
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
    (c.components === undefined || isComponentMap(c.components)) &&
    (c.moderation === undefined || typeof c.moderation === 'boolean')
  );
}

/** A component handler with the name of the command that declares it. */
export type OwnedComponentHandler = ComponentHandler & { command: string };

/**
 * The component handlers of `commands` by custom-id prefix, for the router. Throws
 * CommandFileError when two commands declare the same prefix.
 */
export function componentHandlers(commands: Iterable<SlashCommand>): Map<string, OwnedComponentHandler> {
  const handlers = new Map<string, OwnedComponentHandler>();
  for (const command of commands) {
    for (const [prefix, handler] of Object.entries(command.components ?? {})) {
      const earlier = handlers.get(prefix);
      if (earlier !== undefined)
        throw new CommandFileError(
          `/${command.data.name} declares the custom-id prefix \`${prefix}\` that /${earlier.command} declares already`,
        );
      handlers.set(prefix, { ...handler, command: command.data.name });
    }
  }
  return handlers;
}

/** The prefix a custom id is dispatched by: up to and including its first colon. */
export function customIdPrefix(customId: string): string {
  return customId.slice(0, customId.indexOf(':') + 1);
}

/**
 * Imports every `.ts`/`.js` file of `dir` (not its folders, which hold what a command is made of)
 * and returns its `command` export by name. Throws CommandFileError naming the file when one lacks
 * `command` with `data` and `execute` (and well-formed `components`), or when two files declare
 * the same name or the same custom-id prefix.
 */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, SlashCommand>> {
  const commands = new Map<string, SlashCommand>();
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { command?: unknown };
    if (!isSlashCommand(module.command)) {
      throw new CommandFileError(
        `${file} must export \`command\` with \`data\` (a SlashCommandBuilder) and \`execute\`, and \`components\` (if any) keyed by custom-id prefixes such as \`more:\``,
      );
    }
    if (commands.has(module.command.data.name))
      throw new CommandFileError(`${file} declares /${module.command.data.name} a second time`);
    commands.set(module.command.data.name, module.command);
  }
  componentHandlers(commands.values());
  return commands;
}
