import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import type { AuthUser } from '../identity/auth-user';
import { CurrentUser } from '../identity/current-user.decorator';
import { CountyService } from './county.service';
import { CountyOverviewDto, CountyOverviewQuery } from './dto/county-overview.dto';

@ApiTags('上级督导')
@ApiBearerAuth()
@Controller('county')
export class CountyController {
  constructor(private readonly county: CountyService) {}

  @Get('overview')
  @ApiRoute({
    summary: '督导总览：下级单位的完成情况与排名',
    description:
      '有下级单位的组织（县、市）的所有用户可用。按计划年度 year（默认今年）列出每个直接下级单位及其全部下级的计划数、已销号、按期完成、逾期（红灯）、黄灯、完成率、最近变动和排名，另附合计。市级用户看到各县（含其乡镇）的数字，可用 organizationId 查看某个县的乡镇。数字来自随任务变动由数据库触发器维护的计数表，不逐条扫描任务。没有下级单位返回 403（COUNTY_NO_CHILDREN），organizationId 不在本单位下级范围内返回 404。',
    ok: CountyOverviewDto,
    errors: [400, 401, 'COUNTY_NO_CHILDREN', 'ORGANIZATION_NOT_FOUND'],
  })
  overview(@CurrentUser() user: AuthUser, @Query() query: CountyOverviewQuery) {
    return this.county.overview(user, query);
  }
}
