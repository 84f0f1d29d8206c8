import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureOutput } from '../../support/capture-output';

describe('captureOutput, which the log-secrecy spec reads', () => {
  test('records what is written to stdout by either fs call and lets writes to other files through', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'capture-'));
    const file = path.join(folder, 'other.txt');
    const output = captureOutput();
    try {
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, 'sync;');
      await new Promise((resolve) => fs.write(fd, 'async;', resolve));
      fs.closeSync(fd);
      fs.writeSync(1, 'stdout-sync;');
      await new Promise((resolve) => fs.write(1, Buffer.from('stdout-async;'), resolve));
      process.stdout.write('stream;');
    } finally {
      output.restore();
    }
    const passedThrough = fs.readFileSync(file, 'utf8');
    fs.rmSync(folder, { recursive: true });
    expect(passedThrough).toBe('sync;async;');
    expect(output.text()).toBe('stdout-sync;stdout-async;stream;');
  });
});
