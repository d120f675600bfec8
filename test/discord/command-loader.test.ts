import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandFileError, componentHandlers, loadCommands } from '../../src/discord/command-loader.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coverage-commands-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const good = (name: string) => `import { SlashCommandBuilder } from 'discord.js';
export const command = {
  data: new SlashCommandBuilder().setName('${name}').setDescription('d'),
  async execute() {},
};\n`;

const withButton = (name: string, prefix: string) => `import { SlashCommandBuilder } from 'discord.js';
export const command = {
  data: new SlashCommandBuilder().setName('${name}').setDescription('d'),
  async execute() {},
  components: { '${prefix}': { kind: 'button', async handle() {} } },
};\n`;

describe('the command loader', () => {
  it('loads every command of the project, one file each', async () => {
    const names = [...(await loadCommands()).keys()].sort();
    expect(names).toEqual([
      'ask',
      'compare',
      'corpus',
      'events',
      'help',
      'quotes',
      'settings',
      'sources',
      'speakers',
      'timeline',
    ]);
  });

  it('names the file that exports no usable command', async () => {
    await writeFile(path.join(dir, 'a.ts'), good('a'));
    await writeFile(
      path.join(dir, 'broken.ts'),
      `export const command = { data: { name: 'broken', toJSON() { return {}; } } };\n`,
    );
    await expect(loadCommands(dir)).rejects.toThrow(CommandFileError);
    await expect(loadCommands(dir)).rejects.toThrow('broken.ts must export `command`');
  });

  it('refuses two files that declare the same command', async () => {
    await writeFile(path.join(dir, 'one.ts'), good('same'));
    await writeFile(path.join(dir, 'two.ts'), good('same'));
    await expect(loadCommands(dir)).rejects.toThrow('two.ts declares /same a second time');
  });

  it('dispatches each button and menu the project’s replies carry to the command that creates it', async () => {
    const components = componentHandlers((await loadCommands()).values());
    const owners = Object.fromEntries(
      [...components].map(([prefix, h]) => [prefix, `${h.command}/${h.kind}`]),
    );
    expect(owners).toEqual({
      'more:': 'ask/button',
      'vote:': 'ask/button',
      'why:': 'ask/select',
      'share:': 'ask/button',
      'follow:': 'ask/button',
      'quotes-more:': 'quotes/button',
      'add:': 'corpus/button',
      'review:': 'corpus/button',
      'review-move:': 'corpus/select',
    });
  });

  it('refuses two commands that declare the same custom-id prefix', async () => {
    await writeFile(path.join(dir, 'one.ts'), withButton('one', 'more:'));
    await writeFile(path.join(dir, 'two.ts'), withButton('two', 'more:'));
    await expect(loadCommands(dir)).rejects.toThrow(CommandFileError);
    await expect(loadCommands(dir)).rejects.toThrow(
      '/two declares the custom-id prefix `more:` that /one declares already',
    );
  });

  it('refuses a custom-id prefix that does not end at its first colon', async () => {
    await writeFile(path.join(dir, 'one.ts'), withButton('one', 'more'));
    await expect(loadCommands(dir)).rejects.toThrow('one.ts must export `command`');
  });
});
