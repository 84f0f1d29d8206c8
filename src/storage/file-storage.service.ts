import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Runtime, RUNTIME } from '../runtime/runtime';

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
  private readonly root: string;

  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly dataSource: DataSource,
  ) {
    const dir = runtime.config.STORAGE_DIR;
    this.root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  static sha256(buffer: Buffer): string {
    return createHash('sha256').update(buffer).digest('hex');
  }

  /**
   * Saves the file, then lets `record` write the rows that point at it. When `record` fails the file is removed again
   * (unless identical content was on disk before) and the error rethrown, so no file is left without its row.
   *
   * Uploads of the same content, from any process, take turns: a transaction-scoped advisory lock on the path is held
   * from before the file is looked for until the rows are committed or rolled back. So a later upload finds the file
   * already on disk (`created: false`) and a failing one never removes a file another upload's row points at. `record`
   * writes with `manager`, in that transaction, so an upload holds one connection: uploads waiting for the lock on
   * connections of their own could otherwise leave the pool none for the upload they wait for. Should the commit fail
   * after `record` succeeded, the file stays without a row; a later upload of the same content reuses it.
   */
  async saveThenRecord<T>(
    kind: 'reports' | 'evidence',
    buffer: Buffer,
    record: (stored: StoredFile, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const sha256 = FileStorageService.sha256(buffer);
    const storagePath = join(kind, sha256.slice(0, 2), sha256);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [storagePath]);
      const stored = await this.save(storagePath, sha256, buffer);
      try {
        return await record(stored, manager);
      } catch (error) {
        await this.discard(stored);
        throw error;
      }
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
