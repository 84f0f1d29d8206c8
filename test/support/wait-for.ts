/**
 * Polls `probe` until it returns something truthy and returns that. The limit is generous: the suite runs on a
 * shared two-core machine, where a condition that is met in 50 ms alone may take seconds under load.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  what = '条件',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`等待${what}超时（${timeoutMs} 毫秒）`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
