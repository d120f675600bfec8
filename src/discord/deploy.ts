/**
 * Registering the slash commands with Discord. Commands for everyone go to one server
 * (development) or globally (production); moderator commands only to the home servers.
 */
import { REST, Routes } from 'discord.js';
import type { BotConfig } from '../config.ts';
import type { SlashCommand } from './context.ts';

/** One PUT: the commands registered on a server (`guildId`), or globally (`guildId` null). */
export interface Registration {
  guildId: string | null;
  commands: SlashCommand[];
}

/**
 * Where each command goes: commands for everyone to `guildId` when set, else globally; moderator
 * commands to every home server and nowhere else (not at all when there is none). A server that
 * gets both kinds gets them in one registration, since each PUT replaces the server's commands.
 */
export function deploymentPlan(
  config: Pick<BotConfig, 'guildId' | 'moderatorGuildIds'>,
  commands: SlashCommand[],
): Registration[] {
  const plan = new Map<string | null, SlashCommand[]>();
  const add = (where: string | null, command: SlashCommand) =>
    plan.set(where, [...(plan.get(where) ?? []), command]);
  plan.set(config.guildId ?? null, []);
  for (const command of commands) {
    if (command.moderation) for (const guild of config.moderatorGuildIds) add(guild, command);
    else add(config.guildId ?? null, command);
  }
  return [...plan].map(([guildId, list]) => ({ guildId, commands: list }));
}

/**
 * PUTs every registration of `deploymentPlan`. Resolves to the command names registered at each
 * place, in the plan's order; rejects with Discord's error.
 */
export async function deployCommands(
  config: Pick<BotConfig, 'token' | 'clientId' | 'guildId' | 'apiUrl' | 'moderatorGuildIds'>,
  commands: SlashCommand[],
): Promise<Array<{ guildId: string | null; names: string[] }>> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const done: Array<{ guildId: string | null; names: string[] }> = [];
  for (const { guildId, commands: list } of deploymentPlan(config, commands)) {
    const route = guildId
      ? Routes.applicationGuildCommands(config.clientId, guildId)
      : Routes.applicationCommands(config.clientId);
    const saved = (await rest.put(route, { body: list.map((c) => c.data.toJSON()) })) as Array<{
      name: string;
    }>;
    done.push({ guildId, names: saved.map((c) => c.name) });
  }
  return done;
}
