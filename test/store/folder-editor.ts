/**
 * One process editing a corpus folder, for the folder-store tests: opens the folder given as the
 * first argument, waits until the time `startAt` (ms since the epoch) so that processes started
 * together edit at once, creates `count` events named `<prefix>-<n>`, then prints "done".
 */
import { Curator } from '../../src/curation/curator.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';

const [dir, prefix, count, startAt] = process.argv.slice(2);
if (dir === undefined || prefix === undefined) throw new Error('folder-editor: give a folder and a prefix');
const curator = new Curator(await LiveEngine.open(dir));
await new Promise((resolve) => setTimeout(resolve, Number(startAt ?? 0) - Date.now()));
const who = { id: String(process.pid), name: `process ${process.pid}` };
for (let n = 1; n <= Number(count ?? 1); n++) {
  await curator.createEvent(
    {
      id: `${prefix}-${n}`,
      name: `Event ${prefix} ${n}`,
      start: '2016-09-01',
      end: '2016-09-02',
      description: 'A test event.',
    },
    who,
  );
}
process.stdout.write('done\n');
