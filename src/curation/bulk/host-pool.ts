/** Running tasks on many addresses at once, but few at a time on any one host. */

/** The host of `url`, or the text itself when it is no URL (such tasks fail on their own). */
function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Runs `task` on every address, at most `total` at once and at most `perHost` at once on one
 * host, starting them in list order as far as the limits allow; resolves when all have settled.
 * `task` must not throw (it reports its own failure).
 */
export async function forEachByHost(
  urls: string[],
  limits: { total: number; perHost: number },
  task: (url: string, index: number) => Promise<void>,
): Promise<void> {
  const waiting = urls.map((url, index) => ({ url, index, host: hostOf(url) }));
  const busy = new Map<string, number>();
  let running = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      if (waiting.length === 0 && running === 0) {
        resolve();
        return;
      }
      for (let i = 0; i < waiting.length && running < limits.total; ) {
        const next = waiting[i] as (typeof waiting)[number];
        if ((busy.get(next.host) ?? 0) >= limits.perHost) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        running++;
        busy.set(next.host, (busy.get(next.host) ?? 0) + 1);
        void task(next.url, next.index).finally(() => {
          running--;
          busy.set(next.host, (busy.get(next.host) ?? 1) - 1);
          pump();
        });
      }
    };
    pump();
  });
}
