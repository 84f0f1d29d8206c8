import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The entity whose rows point at stored files (its `storage_path`). */
export type StoredFileTable = new () => object;

/** Whether a row of one table still points at the stored file, asked in the caller's transaction. */
export type StoredFileReferrer = (manager: EntityManager, storagePath: string) => Promise<boolean>;

/**
 * The tables whose rows point at stored files, each with its owner's way of asking whether a row still points at a
 * path: storage asks all of them before it deletes a file, without importing the features that own them. A table
 * must be registered before it may record a stored file (`FileStorageService.saveThenRecord` checks), so a feature
 * that forgot to register fails on its first upload instead of losing files to another feature's deletions.
 */
@Injectable()
export class StoredFileReferences {
  private readonly referrers = new Map<StoredFileTable, StoredFileReferrer>();

  register(table: StoredFileTable, referrer: StoredFileReferrer): void {
    if (this.referrers.has(table)) throw new Error(`${table.name} 的存储文件引用检查重复注册`);
    this.referrers.set(table, referrer);
  }

  assertRegistered(table: StoredFileTable): void {
    if (!this.referrers.has(table)) throw new Error(`${table.name} 未注册存储文件引用检查，不能记录存储文件`);
  }

  async anyRowPointsAt(manager: EntityManager, storagePath: string): Promise<boolean> {
    for (const referrer of this.referrers.values()) if (await referrer(manager, storagePath)) return true;
    return false;
  }
}
