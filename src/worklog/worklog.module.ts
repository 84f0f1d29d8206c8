import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '../identity/identity.module';
import { OutboxDataModule } from '../outbox/outbox.module';
import { StorageModule } from '../storage/storage.module';
import { TasksDataModule } from '../tasks/tasks.module';
import { WorklogCategoriesService } from './worklog-categories.service';
import { WorklogCategoryOverride } from './worklog-category.entity';
import { WorklogEntry } from './worklog-entry.entity';
import { WorklogEvidenceService } from './worklog-evidence.service';
import { WorklogFile } from './worklog-file.entity';
import { WorklogController } from './worklog.controller';
import { WorklogRepository } from './worklog.repository';
import { WorklogService } from './worklog.service';

/** The 工作纪实 tables and categories, without HTTP: what the report draft reads (api and worker modes). */
@Module({
  imports: [TypeOrmModule.forFeature([WorklogEntry, WorklogFile, WorklogCategoryOverride]), StorageModule],
  providers: [WorklogRepository, WorklogCategoriesService],
  exports: [WorklogRepository, WorklogCategoriesService],
})
export class WorklogCoreModule {}

/** The /worklog routes. */
@Module({
  imports: [WorklogCoreModule, IdentityCoreModule, OutboxDataModule, StorageModule, TasksDataModule],
  controllers: [WorklogController],
  providers: [WorklogService, WorklogEvidenceService],
  exports: [WorklogService],
})
export class WorklogModule {}
