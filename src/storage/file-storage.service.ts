import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
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

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    const dir = runtime.config.STORAGE_DIR;
    this.root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  static sha256(buffer: Buffer): string {
    return createHash('sha256').update(buffer).digest('hex');
  }

  /**
   * Saves the file, then lets `record` write the rows that point at it. When `record` fails the file is removed again
   * (unless identical content was on disk before) and the error rethrown, so no file is left without its row.
   */
  async saveThenRecord<T>(
    kind: 'reports' | 'evidence',
    buffer: Buffer,
    record: (stored: StoredFile) => Promise<T>,
  ): Promise<T> {
    const stored = await this.save(kind, buffer);
    try {
      return await record(stored);
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
  }

  private async save(kind: 'reports' | 'evidence', buffer: Buffer): Promise<StoredFile> {
    const sha256 = FileStorageService.sha256(buffer);
    const storagePath = join(kind, sha256.slice(0, 2), sha256);
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
