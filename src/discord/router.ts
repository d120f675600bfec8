/**
 * The interaction router: slash commands, autocomplete, and the buttons, menus and modals each
 * command declares by custom-id prefix, behind one catch that answers the member with an
 * ephemeral apology and logs the error with its context.
 */
import { type Interaction, MessageFlags } from 'discord.js';
import type { InteractionOutcome } from '../ops/metrics.ts';
import { StoreUnavailableError } from '../store/types.ts';
import { customIdPrefix, type OwnedComponentHandler } from './command-loader.ts';
import type { BotContext, SlashCommand } from './context.ts';
import { renderNotice } from './reply.ts';

/** What a member reads when something went wrong on our side. */
export const APOLOGY =
  'Sorry, something went wrong while answering. It has been logged; please try again in a moment.';

/** Handles one interaction; never throws, never leaves an interaction unanswered when it can answer. */
export async function routeInteraction(
  interaction: Interaction,
  commands: Map<string, SlashCommand>,
  components: Map<string, OwnedComponentHandler>,
  context: BotContext,
): Promise<void> {
  const where = { guild: interaction.guildId ?? 'dm', user: interaction.user.id };
  const started = performance.now();
  let outcome: InteractionOutcome = 'ok';
  try {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      await (command?.autocomplete ? command.autocomplete(interaction, context) : interaction.respond([]));
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (command === undefined) {
        await interaction.reply({
          ...renderNotice('That command is not known here any more.'),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      await command.execute(interaction, context);
      return;
    }
    if (await dispatchComponent(interaction, components, context)) return;
    if (interaction.isRepliable()) {
      await interaction.reply({
        ...renderNotice('This button or menu is no longer in use; please ask again.'),
        flags: MessageFlags.Ephemeral,
      });
    }
  } catch (error) {
    const command =
      interaction.isChatInputCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isMessageComponent()
          ? interaction.customId
          : 'unknown';
    outcome = error instanceof StoreUnavailableError ? 'store_unavailable' : 'error';
    if (error instanceof StoreUnavailableError) {
      // Expected while the database is down: the member is told to try again, the log says it once.
      context.metrics.storeError('interaction');
      context.logger.warn('corpus store unavailable', { command, ...where, error: error.cause });
      await apologise(interaction, context, error.message);
      return;
    }
    context.logger.error('interaction failed', { command, ...where, error });
    await apologise(interaction, context);
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const command = metricName(interaction);
    context.metrics.interaction(command, outcome, seconds);
    context.logger[interaction.isAutocomplete() ? 'debug' : 'info']('interaction', {
      command,
      outcome,
      durationMs: Math.round(seconds * 1000),
      ...where,
    });
  }
}

/**
 * Hands a button, menu or modal to the handler its custom-id prefix names, when the handler is of
 * its kind; false when none is.
 */
async function dispatchComponent(
  interaction: Interaction,
  components: Map<string, OwnedComponentHandler>,
  context: BotContext,
): Promise<boolean> {
  if (!interaction.isMessageComponent() && !interaction.isModalSubmit()) return false;
  const handler = components.get(customIdPrefix(interaction.customId));
  if (handler?.kind === 'button' && interaction.isButton()) await handler.handle(interaction, context);
  else if (handler?.kind === 'select' && interaction.isStringSelectMenu())
    await handler.handle(interaction, context);
  else if (handler?.kind === 'modal' && interaction.isModalSubmit())
    await handler.handle(interaction, context);
  else return false;
  return true;
}

/** An interaction's name in metrics and logs: the command, or a button's prefix (`more`, `add`). */
function metricName(interaction: Interaction): string {
  if (interaction.isAutocomplete()) return `${interaction.commandName}:autocomplete`;
  if (interaction.isChatInputCommand()) return interaction.commandName;
  if (interaction.isButton()) return interaction.customId.split(':')[0] ?? 'button';
  return 'other';
}

async function apologise(interaction: Interaction, context: BotContext, message = APOLOGY): Promise<void> {
  // A failed autocomplete offers no choices rather than leaving the member's menu spinning.
  if (interaction.isAutocomplete() && !interaction.responded) {
    await interaction.respond([]).catch(() => undefined);
    return;
  }
  if (!interaction.isRepliable()) return;
  const payload = { ...renderNotice(message), flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred && !interaction.replied) {
      // The member is never left with "thinking…": a private one becomes the apology; a public
      // one is removed and the apology sent privately.
      if (interaction.ephemeral) await interaction.editReply(renderNotice(message));
      else {
        await interaction.deleteReply();
        await interaction.followUp(payload);
      }
    } else if (interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (error) {
    context.logger.error('could not send the apology', {
      guild: interaction.guildId ?? 'dm',
      user: interaction.user.id,
      error,
    });
  }
}
