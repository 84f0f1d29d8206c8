import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '../identity/identity.module';
import { OutboxDataModule } from '../outbox/outbox.module';
import { ReportsDataModule } from '../reports/reports.module';
import { StorageModule } from '../storage/storage.module';
import { EvidenceFile } from './evidence-file.entity';
import { ExtensionRequest } from './extension-request.entity';
import { ReportConfirmationService } from './report-confirmation.service';
import { ReportTasksController } from './report-tasks.controller';
import { ReviewSubmissionCheck } from './review-submission-check';
import { TaskAssignmentService } from './task-assignment.service';
import { TaskCarryOverController } from './task-carry-over.controller';
import { TaskCarryOverService } from './task-carry-over.service';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskExportService } from './task-export.service';
import { TaskExtensionRepository } from './task-extension.repository';
import { TaskExtensionsService } from './task-extensions.service';
import { TaskHistoryEntry } from './task-history-entry.entity';
import { TaskHistoryRepository } from './task-history.repository';
import { TaskImportService } from './task-import.service';
import { TaskLedgerService } from './task-ledger.service';
import { TaskListService } from './task-list.service';
import { TaskSchedule } from './task-schedule';
import { TaskProgressService } from './task-progress.service';
import { TaskUpdate } from './task-update.entity';
import { TaskWriter } from './task-writer';
import { Task } from './task.entity';
import { TaskRepository } from './task.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** The task tables, for the features that read tasks (rollup, reminders, notifications) in any mode. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Task, TaskHistoryEntry, TaskUpdate, EvidenceFile, ExtensionRequest]),
    StorageModule,
  ],
  providers: [TaskRepository, TaskHistoryRepository, TaskExtensionRepository],
  exports: [TaskRepository, TaskHistoryRepository, TaskExtensionRepository],
})
export class TasksDataModule {}

@Module({
  imports: [TasksDataModule, ReportsDataModule, OutboxDataModule, StorageModule, IdentityCoreModule],
  controllers: [TasksController, ReportTasksController, TaskCarryOverController],
  providers: [
    TasksService,
    TaskAssignmentService,
    TaskProgressService,
    TaskSchedule,
    TaskListService,
    TaskLedgerService,
    TaskExportService,
    TaskExtensionsService,
    TaskEvidenceService,
    TaskImportService,
    ReportConfirmationService,
    ReviewSubmissionCheck,
    TaskCarryOverService,
    TaskWriter,
  ],
  exports: [ReportConfirmationService, TaskProgressService, TasksService, TaskCarryOverService, TaskWriter],
})
export class TasksModule {}
