import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardExecArgv } from '../../src/discord/sharding.ts';
import { ANSWERING_NODE_FLAGS, SEMI_SPACE_MB } from '../../src/util/node-flags.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('the Node options of the processes that answer', () => {
  it('include a young generation larger than Node’s default (16 MB semi-spaces)', () => {
    expect(SEMI_SPACE_MB).toBeGreaterThan(16);
    expect(ANSWERING_NODE_FLAGS).toContain(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  });

  it('are given to the bot by npm start, before its entry point', () => {
    const start = scripts.start ?? '';
    for (const flag of ANSWERING_NODE_FLAGS) expect(start).toContain(` ${flag} `);
    expect(start.indexOf(ANSWERING_NODE_FLAGS[0] as string)).toBeLessThan(start.indexOf('src/main.ts'));
  });

  it('are given to every shard process of npm run start:sharded, with tsx', () => {
    const argv = shardExecArgv();
    for (const flag of ANSWERING_NODE_FLAGS) expect(argv).toContain(flag);
    expect(argv).toContain('--import');
  });
});
