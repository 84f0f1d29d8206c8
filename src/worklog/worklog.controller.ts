import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { contentDisposition } from '../common/content-disposition';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEvidenceUpload, ApiRoute } from '../common/api-decorators';
import { AllowedTo } from '../identity/allowed-to.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { AuthUser } from '../identity/auth-user';
import { readUpload } from '../reports/read-upload';
import {
  CreateCategoryDto,
  CreateWorklogDto,
  ListCategoriesQuery,
  ListWorklogQuery,
  UpdateCategoryDto,
  UpdateWorklogDto,
} from './dto/worklog.dto';
import { WorklogCategoriesService } from './worklog-categories.service';
import { WorklogEvidenceService } from './worklog-evidence.service';
import { WorklogService } from './worklog.service';
import { ApiPagedResponse } from '../common/openapi/api-paged-response';
import { ApiFileResponse } from '../common/openapi/api-file';
import {
  DeletedWorklogDto,
  UploadedWorklogFileDto,
  WorklogCategoryDto,
  WorklogEntryDto,
} from './dto/worklog-responses.dto';

@ApiTags('工作纪实')
@ApiBearerAuth()
@Controller('worklog')
export class WorklogController {
  constructor(
    private readonly worklog: WorklogService,
    private readonly categories: WorklogCategoriesService,
    private readonly evidence: WorklogEvidenceService,
  ) {}

  @Get('categories')
  @AllowedTo('worklog.read')
  @ApiRoute({
    summary: '工作纪实类别',
    description:
      '返回 [{key, label, part, active}]。part 为该类别写入年度报告的部分：achievements（主要举措和成效）、leadership（党政主要负责人履行第一责任人职责情况）、other（其他需要报告的情况）。includeInactive=true 时含已停用的类别。',
    ok: [WorklogCategoryDto],
    errors: [400, 401],
  })
  listCategories(@CurrentUser() user: AuthUser, @Query() query: ListCategoriesQuery) {
    return this.categories.list(user, query.includeInactive);
  }

  @Post('categories')
  @AllowedTo('worklog.categories.manage')
  @ApiRoute({
    summary: '新增本单位的工作纪实类别（写入“主要举措和成效”）',
    description: '仅管理员；名称在本单位内不能重复（409 WORKLOG_CATEGORY_LABEL_TAKEN）。',
    created: WorklogCategoryDto,
    errors: [400, 401, 403, 'WORKLOG_CATEGORY_LABEL_TAKEN'],
  })
  createCategory(@CurrentUser() user: AuthUser, @Body() dto: CreateCategoryDto) {
    return this.categories.create(user, dto);
  }

  @Patch('categories/:key')
  @AllowedTo('worklog.categories.manage')
  @ApiRoute({
    summary: '修改工作纪实类别的名称或启用状态',
    description: '第一责任人类别和“其他”对应报告的必备部分，只能改名，不能停用。',
    ok: WorklogCategoryDto,
    errors: [
      400,
      'WORKLOG_CATEGORY_REQUIRED',
      401,
      403,
      'WORKLOG_CATEGORY_NOT_FOUND',
      'WORKLOG_CATEGORY_LABEL_TAKEN',
    ],
  })
  updateCategory(@CurrentUser() user: AuthUser, @Param('key') key: string, @Body() dto: UpdateCategoryDto) {
    return this.categories.update(user, key, dto);
  }

  @Post()
  @AllowedTo('worklog.write')
  @ApiRoute({
    summary: '记录一条工作纪实',
    description:
      '工作人员只能记录本单位的工作；日期不能晚于今天；kind=problem 记录年度中发现的问题，可填 cause（原因）。',
    created: WorklogEntryDto,
    errors: [
      400,
      'WORKLOG_DATE_IN_FUTURE',
      'WORKLOG_CATEGORY_UNKNOWN',
      'WORKLOG_TEXT_EMPTY',
      'WORKLOG_UNIT_NOT_FOUND',
      'WORKLOG_TASK_NOT_FOUND',
      'WORKLOG_CAUSE_FOR_PROBLEMS_ONLY',
      401,
      403,
    ],
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWorklogDto) {
    return this.worklog.create(user, dto);
  }

  @Get()
  @AllowedTo('worklog.read')
  @ApiRoute({
    summary: '工作纪实列表（按年、月、类别、单位、是否入报告筛选，分页）',
    description: '返回 {items, total, page, pageSize}，按日期从新到旧；month 须与 year 同时使用。',
    errors: [400, 'WORKLOG_MONTH_NEEDS_YEAR', 401],
  })
  @ApiPagedResponse(WorklogEntryDto, { description: '一页工作纪实' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListWorklogQuery) {
    return this.worklog.list(user, query);
  }

  @Get(':id')
  @AllowedTo('worklog.read')
  @ApiRoute({
    summary: '一条工作纪实（含佐证材料）',
    description: '所有角色可读本单位的工作纪实；其他单位的返回 404 WORKLOG_NOT_FOUND。',
    ok: WorklogEntryDto,
    errors: [400, 401, 'WORKLOG_NOT_FOUND'],
  })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.worklog.get(user, id);
  }

  @Patch(':id')
  @AllowedTo('worklog.write')
  @ApiRoute({
    summary: '修改工作纪实；领导、管理员以 inReport 确定是否写入年度报告',
    description:
      '工作人员只能修改本单位的纪实，inReport 仅领导、管理员可改。已入报告的纪实有变化时，年度报告草稿随之重新生成。',
    ok: { type: WorklogEntryDto, description: '修改后的工作纪实' },
    errors: [
      400,
      'WORKLOG_DATE_IN_FUTURE',
      'WORKLOG_CATEGORY_UNKNOWN',
      'WORKLOG_TEXT_EMPTY',
      'WORKLOG_TASK_NOT_FOUND',
      'WORKLOG_CAUSE_FOR_PROBLEMS_ONLY',
      401,
      403,
      'WORKLOG_NOT_FOUND',
    ],
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateWorklogDto,
  ) {
    return this.worklog.update(user, id, dto);
  }

  @Delete(':id')
  @AllowedTo('worklog.delete')
  @ApiRoute({
    summary: '删除工作纪实（工作人员只能删除本人填写的）',
    description: '返回 {id, deleted: true}；已入报告的纪实删除后草稿随之重新生成。',
    ok: DeletedWorklogDto,
    errors: [400, 401, 403, 'WORKLOG_NOT_FOUND'],
  })
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.worklog.remove(user, id);
  }

  @Post(':id/evidence')
  @AllowedTo('worklog.write')
  @ApiEvidenceUpload('上传工作纪实的佐证材料（字段 file）', UploadedWorklogFileDto, 'WORKLOG_NOT_FOUND')
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    return this.evidence.upload(user, id, await readUpload(request));
  }

  @Get(':id/evidence/:fileId')
  @AllowedTo('worklog.read')
  @ApiRoute({
    summary: '下载工作纪实的佐证材料（以原文件名）',
    description: '返回 application/octet-stream，Content-Disposition 带原文件名。',
    errors: [400, 401, 'WORKLOG_NOT_FOUND', 'WORKLOG_FILE_NOT_FOUND'],
  })
  @ApiFileResponse('application/octet-stream', '佐证材料文件')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Param('fileId', ParseUuidPipe) fileId: string,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.evidence.locate(user, id, fileId);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', contentDisposition('attachment', file.fileName))
      .send(createReadStream(file.path));
  }
}
