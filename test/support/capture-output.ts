import fs from 'node:fs';

/** Everything the process writes (pino goes through fs.write/fs.writeSync on fd 1, Nest's own logger through the streams). */
export function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const record = (chunk: unknown) =>
    chunks.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  const spies = [
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest
      .spyOn(fs, 'writeSync')
      .mockImplementation(((fd: number, chunk: unknown) =>
        fd <= 2
          ? (record(chunk), String(chunk).length)
          : jest.requireActual('node:fs').writeSync(fd, chunk)) as never),
  ];
  return { text: () => chunks.join(''), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
