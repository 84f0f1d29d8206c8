import { readFile, rm } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { FileStorageService, StoredFile } from '../../../src/storage/file-storage.service';
import { StoredFileReferences } from '../../../src/storage/stored-file-references';
import { testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

// Relative, like the test apps' STORAGE_DIR, so the service resolves it against the working directory as it does there.
const STORAGE_DIR = `test-output/file-storage-race-${process.pid}-${Date.now()}`;
// Stands for a feature's table of rows that point at stored files; dropped again after the spec.
const ROWS = `file_storage_race_rows_${process.pid}_${Date.now()}`;
class RaceRow {}

// Each upload and deletion runs on a connection of its own and Postgres locks per connection, so they take turns
// here exactly as they do in two API processes.
describe('FileStorageService with uploads and deletions at once', () => {
  let dataSource: DataSource;
  let storage: FileStorageService;
  /** Awaited by the reference check of ROWS once it has its answer, while the deletion holds the path's lock. */
  let afterCheck: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const runtime = testRuntime('api', { STORAGE_DIR });
    dataSource = await new DataSource({ type: 'postgres', url: runtime.databaseUrl }).initialize();
    await dataSource.query(`CREATE TABLE ${ROWS} (id serial PRIMARY KEY, storage_path text NOT NULL,
                             commit_check text UNIQUE DEFERRABLE INITIALLY DEFERRED)`);
    const references = new StoredFileReferences();
    references.register(RaceRow, async (manager, storagePath) => {
      const rows = await manager.query(`SELECT 1 FROM ${ROWS} WHERE storage_path = $1`, [storagePath]);
      await afterCheck?.();
      return rows.length > 0;
    });
    storage = new FileStorageService(runtime, dataSource, references);
  });

  afterEach(() => (afterCheck = undefined));

  afterAll(async () => {
    await dataSource.query(`DROP TABLE ${ROWS}`);
    await dataSource.destroy();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  const insertRow = async (stored: StoredFile, manager: EntityManager): Promise<number> => {
    const [{ id }] = await manager.query(`INSERT INTO ${ROWS} (storage_path) VALUES ($1) RETURNING id`, [
      stored.storagePath,
    ]);
    return id;
  };
  const deleteRow = async (manager: EntityManager, id: number): Promise<string[]> => {
    const rows: { storage_path: string }[] = await manager.query(
      `WITH removed AS (DELETE FROM ${ROWS} WHERE id = $1 RETURNING storage_path) SELECT storage_path FROM removed`,
      [id],
    );
    return rows.map((row) => row.storage_path);
  };
  const rowsAt = async (storagePath: string): Promise<number> =>
    (
      await dataSource.query(`SELECT count(*)::int AS n FROM ${ROWS} WHERE storage_path = $1`, [storagePath])
    )[0].n;

  const waitingForAdvisoryLock = async (): Promise<boolean> => {
    const [{ waiting }] = await dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return waiting > 0;
  };

  /** Resolves once one of `calls` has finished or one is waiting for another's lock, whichever comes first. */
  async function untilOneSettledOrWaiting(calls: Promise<unknown>[]): Promise<void> {
    let settled = false;
    for (const call of calls)
      call.then(
        () => (settled = true),
        () => (settled = true),
      );
    await waitFor(async () => settled || (await waitingForAdvisoryLock()), 30_000, '一次调用结束或等待锁');
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
      storage.saveThenRecord(RaceRow, 'evidence', buffer, recordOrFail),
      storage.saveThenRecord(RaceRow, 'evidence', buffer, recordOrFail),
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
    const first = storage.saveThenRecord(RaceRow, 'reports', Buffer.from('报告甲'), async (stored) => {
      await secondHasRecorded;
      return stored;
    });
    const second = storage.saveThenRecord(RaceRow, 'reports', Buffer.from('报告乙'), async (stored) => {
      secondRecorded();
      return stored;
    });

    const [a, b] = await Promise.all([first, second]);
    expect(await readFile(storage.absolute(a.storagePath), 'utf8')).toBe('报告甲');
    expect(await readFile(storage.absolute(b.storagePath), 'utf8')).toBe('报告乙');
  });

  it('keeps the file when an upload of the same content found it on disk before the deletion looked', async () => {
    const buffer = Buffer.from('佐证材料：删除时另一条纪实正在上传同一文件');
    const deletedRow = await storage.saveThenRecord(RaceRow, 'evidence', buffer, insertRow);
    let uploadMayRecord!: () => void;
    const recordingAllowed = new Promise<void>((resolve) => (uploadMayRecord = resolve));
    let found: StoredFile | undefined;
    const upload = storage.saveThenRecord(RaceRow, 'evidence', buffer, async (stored, manager) => {
      found = stored;
      await recordingAllowed;
      return insertRow(stored, manager);
    });
    await waitFor(async () => found, 30_000, '上传找到已有文件');

    const deletion = storage.deleteRowsThenFiles((manager) => deleteRow(manager, deletedRow));
    await untilOneSettledOrWaiting([deletion]);
    uploadMayRecord();
    await Promise.all([upload, deletion]);

    expect(found!.created).toBe(false);
    expect(await rowsAt(found!.storagePath)).toBe(1);
    expect(await readFile(storage.absolute(found!.storagePath))).toEqual(buffer);
  });

  it('makes an upload of the same content wait while the deletion removes the file, then write it again', async () => {
    const buffer = Buffer.from('佐证材料：删除文件时另一条纪实上传同一文件');
    const deletedRow = await storage.saveThenRecord(RaceRow, 'evidence', buffer, insertRow);
    let deletionMayGoOn!: () => void;
    const goOn = new Promise<void>((resolve) => (deletionMayGoOn = resolve));
    let checked = false;
    afterCheck = async () => {
      checked = true;
      await goOn;
    };
    const deletion = storage.deleteRowsThenFiles((manager) => deleteRow(manager, deletedRow));
    await waitFor(async () => checked, 30_000, '删除方查完引用');

    const upload = storage.saveThenRecord(RaceRow, 'evidence', buffer, async (stored, manager) => {
      await insertRow(stored, manager);
      return stored;
    });
    await untilOneSettledOrWaiting([upload]);
    deletionMayGoOn();
    const [stored] = await Promise.all([upload, deletion]);

    expect(stored.created).toBe(true);
    expect(await rowsAt(stored.storagePath)).toBe(1);
    expect(await readFile(storage.absolute(stored.storagePath))).toEqual(buffer);
  });

  it('keeps the file and its row when the deleting transaction fails at its commit', async () => {
    const buffer = Buffer.from('佐证材料：删除提交失败');
    const row = await storage.saveThenRecord(RaceRow, 'evidence', buffer, insertRow);
    const storagePath = (await dataSource.query(`SELECT storage_path FROM ${ROWS} WHERE id = $1`, [row]))[0]
      .storage_path;

    const deletion = storage.deleteRowsThenFiles(async (manager) => {
      const deleted = await deleteRow(manager, row);
      // Two rows with one `commit_check` break the deferred unique constraint: the COMMIT fails, after this returned.
      await manager.query(
        `INSERT INTO ${ROWS} (storage_path, commit_check) VALUES ('-', 'twice'), ('-', 'twice')`,
      );
      return deleted;
    });

    await expect(deletion).rejects.toThrow(/unique/);
    expect(await rowsAt(storagePath)).toBe(1);
    expect(await readFile(storage.absolute(storagePath))).toEqual(buffer);
  });
});
