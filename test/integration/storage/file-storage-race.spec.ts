import { readFile, rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { FileStorageService, StoredFile } from '../../../src/storage/file-storage.service';
import { testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

// Relative, like the test apps' STORAGE_DIR, so the service resolves it against the working directory as it does there.
const STORAGE_DIR = `test-output/file-storage-race-${process.pid}-${Date.now()}`;

// Each upload runs on a connection of its own and Postgres locks per connection, so two uploads here take turns
// exactly as uploads in two API processes do.
describe('FileStorageService.saveThenRecord with uploads at once', () => {
  let dataSource: DataSource;
  let storage: FileStorageService;

  beforeAll(async () => {
    const runtime = testRuntime('api', { STORAGE_DIR });
    dataSource = await new DataSource({ type: 'postgres', url: runtime.databaseUrl }).initialize();
    storage = new FileStorageService(runtime, dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  const waitingForAdvisoryLock = async (): Promise<boolean> => {
    const [{ waiting }] = await dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return waiting > 0;
  };

  /** Resolves once one of `uploads` has finished or one is waiting for another's lock, whichever comes first. */
  async function untilOneSettledOrWaiting(uploads: Promise<unknown>[]): Promise<void> {
    let settled = false;
    for (const upload of uploads)
      upload.then(
        () => (settled = true),
        () => (settled = true),
      );
    await waitFor(async () => settled || (await waitingForAdvisoryLock()), 30_000, '一次上传结束或等待锁');
  }

  it('keeps the file the succeeding upload recorded when the other upload of it fails', async () => {
    const buffer = Buffer.from('佐证材料：两个任务同时上传同一文件');
    let releaseFirst!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => (releaseFirst = resolve));
    const failure = new Error('insert failed');
    const seen: StoredFile[] = [];
    // Whichever upload comes to write its rows first succeeds once let go; the other one's insert fails.
    const recordOrFail = async (stored: StoredFile) => {
      seen.push(stored);
      if (seen.length > 1) throw failure;
      await firstMayFinish;
      return stored;
    };

    const uploads = [
      storage.saveThenRecord('evidence', buffer, recordOrFail),
      storage.saveThenRecord('evidence', buffer, recordOrFail),
    ];
    await untilOneSettledOrWaiting(uploads);
    releaseFirst();
    const outcomes = await Promise.allSettled(uploads);

    const recorded = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([
      { status: 'rejected', reason: failure },
    ]);
    expect(await readFile(storage.absolute(recorded[0].storagePath))).toEqual(buffer);
    expect(seen).toEqual([recorded[0], { ...recorded[0], created: false }]);
    expect(recorded[0].created).toBe(true);
  });

  it('does not make uploads of different content wait for each other', async () => {
    let secondRecorded!: () => void;
    const secondHasRecorded = new Promise<void>((resolve) => (secondRecorded = resolve));
    const first = storage.saveThenRecord('reports', Buffer.from('报告甲'), async (stored) => {
      await secondHasRecorded;
      return stored;
    });
    const second = storage.saveThenRecord('reports', Buffer.from('报告乙'), async (stored) => {
      secondRecorded();
      return stored;
    });

    const [a, b] = await Promise.all([first, second]);
    expect(await readFile(storage.absolute(a.storagePath), 'utf8')).toBe('报告甲');
    expect(await readFile(storage.absolute(b.storagePath), 'utf8')).toBe('报告乙');
  });
});
