/**
 * The fake Discord in a worker thread, so that a load test measures the bot's work and not the
 * fake's: Discord does not run on the bot's CPU either. Messages: {warm, questions} and
 * {burst, count, questions}; replies with first-response times measured in this thread.
 */
import { parentPort } from 'node:worker_threads';
import { FakeDiscord } from '../test/e2e/fake-discord.ts';

const fake = new FakeDiscord();
await fake.start();
parentPort?.postMessage({ type: 'ready', apiUrl: fake.apiUrl });

function ask(i: number, question: string): string {
  return fake.command({ id: String(800000000000000000n + BigInt(i)), username: `load${i}` }, 'ask', [
    { name: 'question', type: 3, value: question },
  ]).id;
}

parentPort?.on(
  'message',
  async (message: { type: string; count: number; questions: string[]; timeoutMs: number }) => {
    if (message.type === 'stop') {
      await fake.stop();
      parentPort?.postMessage({ type: 'stopped' });
      return;
    }
    if (message.type === 'warm') {
      for (let i = 0; i < message.questions.length; i++) {
        const id = ask(900000 + i, message.questions[i] as string);
        await fake.waitFor((s) => s.kind === 'callback' && s.key === id);
      }
      parentPort?.postMessage({ type: 'warmed' });
      return;
    }
    const sentAt = new Map<string, number>();
    for (let i = 0; i < message.count; i++) {
      const at = performance.now();
      sentAt.set(ask(i, message.questions[i % message.questions.length] as string), at);
    }
    const deadline = performance.now() + message.timeoutMs;
    const times = new Map<string, number>();
    let complete = 0;
    while (times.size < message.count && performance.now() < deadline) {
      for (const s of fake.sent) {
        const at = sentAt.get(s.key);
        if (s.kind === 'callback' && at !== undefined && !times.has(s.key)) {
          times.set(s.key, s.at - at);
          // Type 4 carries the answer itself; 5 would be a "thinking…" deferral.
          if (s.body.type === 4) complete += 1;
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    parentPort?.postMessage({ type: 'result', times: [...times.values()], complete });
  },
);
