import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { StoredFileReferences, StoredFileTable } from './stored-file-references';

export interface StoredFile {
  sha256: string;
  /** Path relative to STORAGE_DIR. */
  storagePath: string;
  sizeBytes: number;
  /** False when identical content was already on disk (content-addressed, so nothing was written). */
  created: boolean;
}

/** Content-addressed files under config.STORAGE_DIR: `<kind>/<aa>/<sha256>`. */
@Injectable()
export class FileStorageService {
  private readonly logger = new Logger('FileStorage');
  private readonly root: string;

  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly dataSource: DataSource,
    private readonly references: StoredFileReferences,
  ) {
    const dir = runtime.config.STORAGE_DIR;
    this.root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  static sha256(buffer: Buffer): string {
    return createHash('sha256').update(buffer).digest('hex');
  }

  /**
   * Saves the file, then lets `record` write the rows of `table` that point at it. When `record` fails the file is
   * removed again (unless identical content was on disk before) and the error rethrown, so no file is left without
   * its row.
   *
   * Uploads of the same content, from any process, take turns: a transaction-scoped advisory lock on the path is held
   * from before the file is looked for until the rows are committed or rolled back. So a later upload finds the file
   * already on disk (`created: false`) and a failing one never removes a file another upload's row points at. `record`
   * writes with `manager`, in that transaction, so an upload holds one connection: uploads waiting for the lock on
   * connections of their own could otherwise leave the pool none for the upload they wait for. Should the commit fail
   * after `record` succeeded, the file stays without a row; a later upload of the same content reuses it.
   *
   * The path holds no organization: identical content uploaded by several organizations, or attached to a task and
   * to a 工作纪实 entry, is one file that rows of several tables point at (see `deleteRowsThenFiles`).
   */
  async saveThenRecord<T>(
    table: StoredFileTable,
    kind: 'reports' | 'evidence',
    buffer: Buffer,
    record: (stored: StoredFile, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    this.references.assertRegistered(table);
    const sha256 = FileStorageService.sha256(buffer);
    const storagePath = join(kind, sha256.slice(0, 2), sha256);
    return this.dataSource.transaction(async (manager) => {
      await lockPath(manager, storagePath);
      const stored = await this.save(storagePath, sha256, buffer);
      try {
        return await record(stored, manager);
      } catch (error) {
        await this.discard(stored);
        throw error;
      }
    });
  }

  /**
   * Runs `deleteRows` in a transaction: it deletes rows that point at stored files and answers those files' paths.
   * Once that has committed, each of those files that no row of any registered table points at any more is deleted.
   *
   * Files go only after the commit, so a rollback keeps every file, and a crash between the commit and the unlink
   * leaves a file without rows (an orphan), never a row without its file. Each file is looked at in a short
   * transaction of its own that holds the uploads' advisory lock on its path and then asks every table for a row;
   * under READ COMMITTED that question sees every transaction committed before the lock was granted. An upload of
   * the same content holds the lock from looking for the file until its row is committed, so either its row was
   * committed before the question (the file stays) or it looks for the file after the unlink (finds none and writes
   * it again): no row ends up pointing at a deleted file.
   *
   * The lock is not taken inside `deleteRows`' transaction: its commit would release the lock before the unlink,
   * letting an upload find the file and record a row just before it goes; and waiting for the lock behind the row
   * locks `deleteRows` holds could deadlock with an upload that holds the lock and waits for one of those rows (the
   * foreign key of the row it inserts).
   */
  async deleteRowsThenFiles(deleteRows: (manager: EntityManager) => Promise<string[]>): Promise<void> {
    const storagePaths = await this.dataSource.transaction(deleteRows);
    for (const storagePath of new Set(storagePaths)) {
      await this.deleteIfUnreferenced(storagePath).catch((error: unknown) =>
        // The rows are gone already: the deletion succeeded, and the file is an orphan, which harms nobody.
        this.logger.warn(`未能删除已无引用的存储文件 ${storagePath}：${String(error)}`),
      );
    }
  }

  private async deleteIfUnreferenced(storagePath: string): Promise<void> {
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await lockPath(manager, storagePath);
      if (!(await this.references.anyRowPointsAt(manager, storagePath)))
        await rm(this.absolute(storagePath), { force: true });
    });
  }

  private async save(storagePath: string, sha256: string, buffer: Buffer): Promise<StoredFile> {
    const absolute = this.absolute(storagePath);
    const exists = await stat(absolute).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, buffer);
    }
    return { sha256, storagePath, sizeBytes: buffer.length, created: !exists };
  }

  /** Files that existed before are kept: other rows point at them. */
  private async discard(file: StoredFile): Promise<void> {
    if (file.created) await rm(this.absolute(file.storagePath), { force: true });
  }

  absolute(storagePath: string): string {
    return join(this.root, storagePath);
  }
}

/** Serialises all that is done to one stored path (uploads, deletions), in any process, until the transaction ends. */
async function lockPath(manager: EntityManager, storagePath: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [storagePath]);
}
