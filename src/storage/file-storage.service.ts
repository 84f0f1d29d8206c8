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

  async save(kind: 'reports' | 'evidence', buffer: Buffer): Promise<StoredFile> {
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

  /** Undo a save whose database rows were rolled back; files that existed before are kept. */
  async discard(file: StoredFile): Promise<void> {
    if (file.created) await rm(this.absolute(file.storagePath), { force: true });
  }

  absolute(storagePath: string): string {
    return join(this.root, storagePath);
  }
}
