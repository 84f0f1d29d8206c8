import fs from 'node:fs';

type WriteCallback = (error: NodeJS.ErrnoException | null, written: number) => void;

/**
 * Everything the process writes: Nest's own logger through the streams; pino through the streams where jest has
 * wrapped them, else through fs.write (a jest worker's untouched stdout) or fs.writeSync on fd 1.
 */
export function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  /** Keeps the chunk and answers its length in bytes, as a write reports what it wrote. */
  const record = (chunk: unknown): number => {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes.toString('utf8'));
    return bytes.length;
  };
  // The originals, taken before the spies replace them on the one shared `fs` module.
  const { write, writeSync } = fs;
  const spies = [
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest
      .spyOn(fs, 'writeSync')
      .mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) =>
        fd <= 2
          ? record(chunk)
          : (writeSync as (...args: unknown[]) => number)(fd, chunk, ...rest)) as never),
    jest.spyOn(fs, 'write').mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => {
      if (fd > 2) return (write as (...args: unknown[]) => void)(fd, chunk, ...rest);
      const written = record(chunk);
      const done = rest.at(-1) as WriteCallback;
      process.nextTick(() => done(null, written));
    }) as never),
  ];
  return { text: () => chunks.join(''), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
