import { Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import type { AuthUser } from '../identity/auth-user';
import { CurrentUser } from '../identity/current-user.decorator';
import { AllowedTo } from '../identity/allowed-to.decorator';
import { ApiFileResponse } from '../common/openapi/api-file';
import { CountyBulletinFiles } from './county-bulletin-files';
import { CountyBulletinsService } from './county-bulletins.service';
import { BulletinDto, BulletinListDto, IssueBulletinQuery } from './dto/county-bulletin.dto';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('上级督导')
@ApiBearerAuth()
@Controller('county/bulletins')
export class CountyBulletinsController {
  constructor(
    private readonly bulletins: CountyBulletinsService,
    private readonly files: CountyBulletinFiles,
  ) {}

  @Post()
  @AllowedTo('bulletin.issue')
  @ApiRoute({
    summary: '印发月度通报（关于YYYY年M月法治政府建设整改工作进展情况的通报）',
    description:
      '与每月1日08:00（TIME_ZONE）定时任务生成的通报相同：各下级单位的计划、销号、按期完成、逾期、黄灯、完成率与排名，逾期事项（含责任单位）和红黑榜，并通知各下级单位的领导。每个单位每月只有一份：同月再次生成返回已有的通报（created=false）。没有下级单位返回 403（COUNTY_NO_CHILDREN）。',
    created: BulletinDto,
    errors: [400, 'BULLETIN_MONTH_IN_FUTURE', 401, 403, 'COUNTY_NO_CHILDREN'],
  })
  issue(@CurrentUser() user: AuthUser, @Query() query: IssueBulletinQuery) {
    return this.bulletins.issueFor(user, query.month);
  }

  @Get()
  @AllowedTo('bulletin.read')
  @ApiRoute({
    summary: '月度通报列表',
    description: '本单位印发的通报，以及上级单位印发的通报（乡镇只看到本单位的一行）。',
    ok: BulletinListDto,
    errors: [401, 403],
  })
  list(@CurrentUser() user: AuthUser) {
    return this.bulletins.list(user);
  }

  @Get(':file')
  @AllowedTo('bulletin.read')
  @ApiRoute({
    summary: '下载月度通报（<id>.docx，GB/T 9704 公文格式）',
    description: '印发单位得到完整通报；下级单位得到只含本单位数字、排名、逾期事项和是否上榜的一份。',
    errors: [400, 401, 403, 'BULLETIN_NOT_FOUND'],
  })
  @ApiFileResponse(DOCX, '通报（Word 文件）')
  download(@CurrentUser() user: AuthUser, @Param('file') file: string): Promise<StreamableFile> {
    return this.files.docx(user, file);
  }
}
