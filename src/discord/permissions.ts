/** Who may run moderator commands: checked on the server for every interaction. */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

/** What the check needs to know about the member who asked. */
export interface MemberFacts {
  /** The member's permissions in the channel, or null outside a server (a DM). */
  permissions: Readonly<PermissionsBitField> | null;
  /** Ids of the member's roles (empty outside a server). */
  roleIds: string[];
}

/**
 * True when the member may run moderator commands: inside a server, with Manage Server or with
 * one of `moderatorRoleIds`. Never in a DM, where no server vouches for the member.
 */
export function isModerator(member: MemberFacts, moderatorRoleIds: readonly string[]): boolean {
  if (member.permissions === null) return false;
  if (member.permissions.has(PermissionFlagsBits.ManageGuild)) return true;
  return member.roleIds.some((id) => moderatorRoleIds.includes(id));
}
