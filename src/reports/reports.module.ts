import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '../identity/identity.module';
import { StorageModule } from '../storage/storage.module';
import { ReportItem } from './report-item.entity';
import { Report } from './report.entity';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The reports tables, for the features that read reports (tasks, rollup) in any mode. */
@Module({
  imports: [TypeOrmModule.forFeature([Report, ReportItem]), StorageModule],
  providers: [ReportRepository],
  exports: [ReportRepository],
})
export class ReportsDataModule {}

@Module({
  imports: [ReportsDataModule, StorageModule, IdentityCoreModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
