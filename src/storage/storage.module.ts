import { Module } from '@nestjs/common';
import { FileStorageService } from './file-storage.service';
import { StoredFileReferences } from './stored-file-references';

@Module({
  providers: [FileStorageService, StoredFileReferences],
  exports: [FileStorageService, StoredFileReferences],
})
export class StorageModule {}
