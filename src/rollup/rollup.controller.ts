import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { CarryOverCandidateDto } from '../tasks/dto/carry-over.dto';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AllowedTo } from '../identity/allowed-to.decorator';
import type { AuthUser } from '../identity/auth-user';
import { DraftEditsService } from './draft-edits.service';
import { DraftFilesService } from './draft-files.service';
import { DraftFinalizeService } from './draft-finalize.service';
import { FinalizedReportDto } from './dto/finalize.dto';
import {
  AddParagraphDto,
  ChangeParagraphDto,
  DraftQueryDto,
  EditParagraphDto,
} from './dto/edit-paragraph.dto';
import { parseDraftFile, parseDraftYear, RollupService } from './rollup.service';
import { CompletenessDto, DraftDto } from './dto/draft-responses.dto';

/** GET /reports/drafts/{file}: the suffix of `file` picks the format. */
const DRAFT_FORMATS = {
  'application/json': { schema: { $ref: getSchemaPath(DraftDto) } },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    schema: { type: 'string', format: 'binary' },
  },
  'text/markdown': { schema: { type: 'string' } },
};

const editor = (user: AuthUser, year: string) => ({
  organizationId: user.organizationId,
  year: parseDraftYear(year),
  editorId: user.id,
});

@ApiTags('年度报告草稿')
@ApiBearerAuth()
@Controller('reports/drafts')
export class DraftsController {
  constructor(
    private readonly rollup: RollupService,
    private readonly files: DraftFilesService,
    private readonly edits: DraftEditsService,
    private readonly finalizer: DraftFinalizeService,
  ) {}

  @Get(':file')
  @ApiRoute({
    summary:
      '年度报告草稿：2025 返回 JSON（段落附来源任务），2025.docx 返回公文格式（GB/T 9704）Word，2025.md 返回 Markdown',
    description:
      'asOf=YYYY-MM-DD 指定草稿截至的日期（默认今天与该年 12 月 31 日中较早者）：截至该日已完成的才算完成，截至该日已过时限的才算逾期。',
    ok: { description: '草稿：JSON、Word 或 Markdown（按文件名后缀）', content: DRAFT_FORMATS },
    errors: [400, 'INVALID_DRAFT_YEAR', 401],
  })
  @ApiExtraModels(DraftDto)
  get(
    @CurrentUser() user: AuthUser,
    @Param('file') file: string,
    @Query() query: DraftQueryDto,
  ): Promise<object | StreamableFile> {
    return this.files.render(user.organizationId, { ...parseDraftFile(file), asOf: query.asOf });
  }

  @Get(':year/carry-over')
  @ApiRoute({
    summary: '年度结转清单：该年度未完成的任务及已填写的结转情况',
    description:
      '列出计划年度为 year、尚未完成（待交办、已交办、整改中）的任务；已结转的带未完成原因、下一步措施和新时限。结转用 POST /tasks/:id/carry-over。',
    ok: { type: CarryOverCandidateDto, isArray: true },
    errors: [400, 'INVALID_DRAFT_YEAR', 401],
  })
  carryOverCandidates(@CurrentUser() user: AuthUser, @Param('year') year: string) {
    return this.rollup.carryOverCandidates(user.organizationId, parseDraftYear(year));
  }

  @Post(':year/finalize')
  @HttpCode(200)
  @AllowedTo('draft.edit')
  @ApiRoute({
    summary: '定稿：把（人工修改后的）草稿存为本单位该年度的报告',
    description:
      '按 asOf（默认同草稿）生成含人工修改的公文格式 Word 文件，像上传的报告一样保存并用同一解析器解析；其问题和下一年度安排随即进入导入审核页面，确认后生成下一年度的任务。未填写的【待补充】段落不写入定稿。返回 {reportId, duplicate, omittedPlaceholders}。',
    ok: FinalizedReportDto,
    errors: [400, 'INVALID_DRAFT_YEAR', 401, 403],
  })
  finalize(@CurrentUser() user: AuthUser, @Param('year') year: string, @Query() query: DraftQueryDto) {
    return this.finalizer.finalize(user, parseDraftYear(year), query.asOf);
  }

  @Post(':year/rebuild')
  @HttpCode(200)
  @AllowedTo('draft.edit')
  @ApiRoute({
    summary: '立即按任务台账和工作纪实重新生成草稿（保留人工修改）',
    description: '仅管理员和领导。草稿平时在任务或工作纪实变化后自动重新生成，此接口立即生成并返回结果。',
    ok: { type: DraftDto, description: '重新生成的草稿' },
    errors: [400, 'INVALID_DRAFT_YEAR', 401, 403],
  })
  rebuild(@CurrentUser() user: AuthUser, @Param('year') year: string) {
    return this.rollup.rebuildNow(user.organizationId, parseDraftYear(year));
  }

  @Put(':year/paragraphs/:paragraphId')
  @AllowedTo('draft.edit')
  @ApiRoute({
    summary: '人工修改草稿段落的文字；之后重新生成时保留修改并标记；换行在 Word 中另起一段',
    description: '仅管理员和领导。段落标记 edited=true，生成的原文保留在 generatedText。',
    ok: { type: DraftDto, description: '修改后的草稿' },
    errors: [400, 'INVALID_DRAFT_YEAR', 'DRAFT_TEXT_EMPTY', 401, 403, 'DRAFT_PARAGRAPH_NOT_FOUND'],
  })
  edit(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Param('paragraphId') paragraphId: string,
    @Body() body: EditParagraphDto,
  ) {
    return this.edits.change(editor(user, year), paragraphId, { text: body.text });
  }

  @Patch(':year/paragraphs/:paragraphId')
  @AllowedTo('draft.edit')
  @ApiRoute({
    summary: '修改、删去或移动草稿段落（含小标题）',
    description:
      'text 修改文字；removed=true 删去、false 恢复；position {sectionKey, afterId} 移到某部分某段之后（afterId 为 null 放在最前）。编号（一）、1. 随之重排。',
    ok: { type: DraftDto, description: '修改后的草稿' },
    errors: [
      400,
      'INVALID_DRAFT_YEAR',
      'DRAFT_TEXT_EMPTY',
      'DRAFT_PARAGRAPH_NOT_MOVABLE',
      'DRAFT_ANCHOR_NOT_FOUND',
      401,
      403,
      'DRAFT_PARAGRAPH_NOT_FOUND',
    ],
  })
  change(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Param('paragraphId') paragraphId: string,
    @Body() body: ChangeParagraphDto,
  ) {
    return this.edits.change(editor(user, year), paragraphId, body);
  }

  @Post(':year/paragraphs')
  @AllowedTo('draft.edit')
  @ApiRoute({
    summary: '在草稿中新增段落或小标题',
    description:
      '放在 sectionKey 部分的 afterId 段之后（null 放在最前）；style 为 body（正文）或 subheading（小标题）。',
    created: { type: DraftDto, description: '新增段落后的草稿' },
    errors: [400, 'INVALID_DRAFT_YEAR', 'DRAFT_TEXT_EMPTY', 'DRAFT_ANCHOR_NOT_FOUND', 401, 403],
  })
  add(@CurrentUser() user: AuthUser, @Param('year') year: string, @Body() body: AddParagraphDto) {
    return this.edits.add(editor(user, year), body);
  }

  @Delete(':year/paragraphs/:paragraphId')
  @AllowedTo('draft.edit')
  @ApiRoute({
    summary: '撤销对段落的全部修改，恢复生成的文字和位置；新增的段落则删除',
    description: '仅管理员和领导；段落没有修改时返回 404 DRAFT_EDIT_NOT_FOUND。',
    ok: { type: DraftDto, description: '撤销修改后的草稿' },
    errors: [400, 'INVALID_DRAFT_YEAR', 401, 403, 'DRAFT_EDIT_NOT_FOUND'],
  })
  revert(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Param('paragraphId') paragraphId: string,
  ) {
    return this.edits.revert(editor(user, year), paragraphId);
  }
}

@ApiTags('年度报告草稿')
@ApiBearerAuth()
@Controller('reports')
export class ReportCompletenessController {
  constructor(private readonly rollup: RollupService) {}

  @Get(':id/completeness')
  @ApiRoute({
    summary: '已导入报告的完整性检查：五个必备部分中缺失或为空的部分',
    description:
      '五个必备部分：主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度工作计划、其他需要报告的情况。',
    ok: CompletenessDto,
    errors: [400, 401, 'REPORT_NOT_FOUND'],
  })
  completeness(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.rollup.reportCompleteness(user.organizationId, id);
  }
}
