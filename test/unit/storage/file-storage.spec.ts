import { readFile, rm, stat } from 'node:fs/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../../../src/config/load-config';
import type { Runtime } from '../../../src/runtime/runtime';
import { FileStorageService, StoredFile } from '../../../src/storage/file-storage.service';
import { StoredFileReferences } from '../../../src/storage/stored-file-references';

// Relative, like the test apps' STORAGE_DIR, so the service resolves it against the working directory as it does there.
const STORAGE_DIR = `test-output/file-storage-${process.pid}-${Date.now()}`;

// No database here: the transaction only hands `record` a manager, on which the advisory lock does nothing
// (test/integration/storage proves the lock against Postgres).
const transactionWithoutDatabase = {
  transaction: (work: (manager: EntityManager) => Promise<unknown>) =>
    work({ query: async () => [] } as unknown as EntityManager),
} as unknown as DataSource;

/** Stands for a feature's table whose rows point at stored files. */
class FileRow {}
/** A table no feature registered. */
class UnregisteredRow {}

function storageIn(dir: string): FileStorageService {
  const config = loadConfig({ NODE_ENV: 'test', STORAGE_DIR: dir });
  const runtime: Runtime = { config, mode: 'api', databaseUrl: '', redisUrl: '', demo: false };
  const references = new StoredFileReferences();
  references.register(FileRow, async () => false);
  return new FileStorageService(runtime, transactionWithoutDatabase, references);
}

const onDisk = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('FileStorageService.saveThenRecord', () => {
  const storage = storageIn(STORAGE_DIR);

  afterAll(() => rm(STORAGE_DIR, { recursive: true, force: true }));

  it('keeps the file under <kind>/<aa>/<sha256> and returns what record returned when the row is written', async () => {
    const buffer = Buffer.from('佐证材料：记录成功');
    const sha256 = FileStorageService.sha256(buffer);
    let recorded: StoredFile | undefined;

    const result = await storage.saveThenRecord(FileRow, 'evidence', buffer, async (stored) => {
      recorded = stored;
      return { id: 'row-1' };
    });

    expect(result).toEqual({ id: 'row-1' });
    expect(recorded).toEqual({
      sha256,
      storagePath: `evidence/${sha256.slice(0, 2)}/${sha256}`,
      sizeBytes: buffer.length,
      created: true,
    });
    expect(await readFile(storage.absolute(recorded!.storagePath))).toEqual(buffer);
  });

  it('removes the file it wrote and rethrows the same error when record fails', async () => {
    const buffer = Buffer.from('佐证材料：写入行失败');
    const failure = new Error('insert failed');
    let path = '';

    const saving = storage.saveThenRecord(FileRow, 'reports', buffer, async (stored) => {
      path = storage.absolute(stored.storagePath);
      expect(await onDisk(path)).toBe(true);
      throw failure;
    });

    await expect(saving).rejects.toBe(failure);
    expect(await onDisk(path)).toBe(false);
  });

  it('keeps a file that identical content had already put on disk when record fails', async () => {
    const buffer = Buffer.from('佐证材料：两次上传同一文件');
    const first = await storage.saveThenRecord(FileRow, 'evidence', buffer, async (stored) => stored);

    const again = storage.saveThenRecord(FileRow, 'evidence', buffer, async (stored) => {
      expect(stored).toEqual({ ...first, created: false });
      throw new Error('insert failed');
    });

    await expect(again).rejects.toThrow('insert failed');
    expect(await readFile(storage.absolute(first.storagePath))).toEqual(buffer);
  });

  it('refuses to record a file in a table that registered no reference check, and writes nothing', async () => {
    const buffer = Buffer.from('佐证材料：未注册引用检查的表');
    const sha256 = FileStorageService.sha256(buffer);
    let recorded = false;

    const saving = storage.saveThenRecord(UnregisteredRow, 'evidence', buffer, async () => (recorded = true));

    await expect(saving).rejects.toThrow('UnregisteredRow 未注册存储文件引用检查');
    expect(recorded).toBe(false);
    expect(await onDisk(storage.absolute(`evidence/${sha256.slice(0, 2)}/${sha256}`))).toBe(false);
  });
});

describe('StoredFileReferences', () => {
  it('refuses a second reference check for the same table', () => {
    const references = new StoredFileReferences();
    references.register(FileRow, async () => false);
    expect(() => references.register(FileRow, async () => true)).toThrow(
      'FileRow 的存储文件引用检查重复注册',
    );
  });
});
