import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportsDataModule, ReportsModule } from '../reports/reports.module';
import { TasksDataModule } from '../tasks/tasks.module';
import { IdentityCoreModule } from '../identity/identity.module';
import { WorklogCoreModule } from '../worklog/worklog.module';
import { DraftEditsService } from './draft-edits.service';
import { DraftFilesService } from './draft-files.service';
import { DraftFinalizeService } from './draft-finalize.service';
import { DraftInputsService } from './draft-inputs.service';
import { DraftParagraphEdit } from './draft-paragraph-edit.entity';
import { DraftSourcesRepository } from './draft-sources.repository';
import { ReportDraft } from './report-draft.entity';
import { ReportDraftRepository } from './report-draft.repository';
import { DraftsController, ReportCompletenessController } from './rollup.controller';
import { RollupService } from './rollup.service';
import { RollupWorker } from './rollup.worker';

const PERSISTENCE = [
  TypeOrmModule.forFeature([ReportDraft, DraftParagraphEdit]),
  TasksDataModule,
  ReportsDataModule,
  WorklogCoreModule,
  IdentityCoreModule,
];

@Module({
  imports: [...PERSISTENCE, ReportsModule],
  controllers: [DraftsController, ReportCompletenessController],
  providers: [
    DraftFinalizeService,
    RollupService,
    DraftSourcesRepository,
    ReportDraftRepository,
    DraftInputsService,
    DraftFilesService,
    DraftEditsService,
  ],
  exports: [RollupService],
})
export class RollupModule {}

/** Worker mode: rebuilds drafts, debounced, when task events arrive from the outbox. */
@Module({
  imports: PERSISTENCE,
  providers: [RollupService, DraftSourcesRepository, ReportDraftRepository, DraftInputsService, RollupWorker],
})
export class RollupWorkerModule {}
