import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity/identity.module';
import { NotificationsCoreModule } from '../notifications/notifications.module';
import { TasksDataModule } from '../tasks/tasks.module';
import { CountyBulletinFiles } from './county-bulletin-files';
import { CountyBulletinsController } from './county-bulletins.controller';
import { CountyBulletinsRepository } from './county-bulletins.repository';
import { CountyBulletinsService } from './county-bulletins.service';
import { CountyBulletinsWorker } from './county-bulletins.worker';
import { CountyTalliesRepository } from './county-tallies.repository';
import { CountyController } from './county.controller';
import { CountyService } from './county.service';

/** The tallies, the overview and the 通报, without HTTP (api, worker and all modes share one instance). */
@Module({
  imports: [IdentityCoreModule, TasksDataModule, NotificationsCoreModule],
  providers: [CountyTalliesRepository, CountyBulletinsRepository, CountyService, CountyBulletinsService],
  exports: [CountyTalliesRepository, CountyService, CountyBulletinsService],
})
export class CountyCoreModule {}

/** 上级督导: the overview and the 通报 routes (api and all modes). */
@Module({
  imports: [CountyCoreModule],
  controllers: [CountyController, CountyBulletinsController],
  providers: [CountyBulletinFiles],
})
export class CountyModule {}

/** Worker mode: the monthly 通报 scheduler and its per-organization jobs. */
@Module({
  imports: [CountyCoreModule, IdentityCoreModule],
  providers: [CountyBulletinsWorker],
})
export class CountyWorkerModule {}
