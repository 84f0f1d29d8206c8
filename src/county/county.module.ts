import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity/identity.module';
import { CountyTalliesRepository } from './county-tallies.repository';
import { CountyController } from './county.controller';
import { CountyService } from './county.service';

/** 上级督导: the overview of the organizations below the caller's (api and all modes). */
@Module({
  imports: [IdentityCoreModule],
  controllers: [CountyController],
  providers: [CountyTalliesRepository, CountyService],
  exports: [CountyTalliesRepository, CountyService],
})
export class CountyModule {}
