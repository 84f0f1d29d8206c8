import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity/identity.module';
import { StorageModule } from '../storage/storage.module';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskExtensionsService } from './task-extensions.service';
import { TaskImportService } from './task-import.service';
import { TaskExportService } from './task-export.service';
import { TaskListService } from './task-list.service';
import { TaskProgressService } from './task-progress.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [StorageModule, IdentityCoreModule],
  controllers: [TasksController],
  providers: [
    TasksService,
    TaskProgressService,
    TaskListService,
    TaskExportService,
    TaskExtensionsService,
    TaskEvidenceService,
    TaskImportService,
  ],
  exports: [TasksService, TaskProgressService],
})
export class TasksModule {}
