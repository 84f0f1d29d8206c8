import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiEvidenceUpload, ApiRoute } from '../common/api-decorators';
import { contentDisposition } from '../common/content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AllowedTo } from '../identity/allowed-to.decorator';
import type { AuthUser } from '../identity/auth-user';
import { readUpload } from '../reports/read-upload';
import {
  CancelDto,
  EvidencePreviewDto,
  EvidenceQuery,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ListTasksQuery,
  PatchTaskDto,
  ReviewDto,
  TaskUpdateDto,
} from './dto/task.dto';
import { LedgerImportResultDto, LedgerQuery, LedgerResponseDto } from './dto/ledger.dto';
import { TaskAssignmentService } from './task-assignment.service';
import { EvidenceDownload, TaskEvidenceService } from './task-evidence.service';
import { TaskExtensionsService } from './task-extensions.service';
import { TaskImportService } from './task-import.service';
import { TaskExportService } from './task-export.service';
import { TaskLedgerService } from './task-ledger.service';
import { TaskListService } from './task-list.service';
import { TaskProgressService } from './task-progress.service';
import { TasksService } from './tasks.service';
import { ApiPagedResponse } from '../common/openapi/api-paged-response';
import { ApiFileResponse, ApiFileUploadBody } from '../common/openapi/api-file';
import { EvidenceFileDto, TaskDetailDto, TaskDto, TaskStatsDto } from './dto/task-responses.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('整改任务')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly assignment: TaskAssignmentService,
    private readonly progress: TaskProgressService,
    private readonly listing: TaskListService,
    private readonly ledgers: TaskLedgerService,
    private readonly exporter: TaskExportService,
    private readonly extensions: TaskExtensionsService,
    private readonly evidence: TaskEvidenceService,
    private readonly importer: TaskImportService,
  ) {}

  @Get()
  @ApiRoute({
    summary: '任务列表（筛选、排序、搜索、分页）',
    description:
      '返回 {items, total, page, pageSize}。total 为精确总数。每项带 statusLabel（状态）、itemType/itemTypeLabel（事项类型：整改问题、整改措施、工作计划、长期坚持）、light/lightLabel（红黄绿灯，已办结为 gray）和 extensionPending（有待审批的延期申请）；用语见 GET /meta 的 vocabulary。itemType 按事项类型筛选，open=true 只列未办结的任务，light 可取 green、yellow、red、gray。每个 API 进程按组织版本号复用同一筛选条件的计数和已序列化的整页结果（TASK_LIST_CACHE_PAGES）：本组织的任务或延期申请有任何提交（无论来自哪个进程或直接 SQL）都会更新版本号，之后的请求即重新查询。overdue=false 表示未逾期（已办结或期限未到或无期限）。organizationId 可取本单位的下级单位，只读查看其任务（上级督导），不在下级范围内返回 404 ORGANIZATION_NOT_FOUND。',
    errors: [400, 401, 'ORGANIZATION_NOT_FOUND'],
  })
  @ApiPagedResponse(TaskDto, { description: '一页任务' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery) {
    return this.listing.list(user, query);
  }

  @Get('stats')
  @ApiRoute({
    summary: '按状态、单位、红黄绿灯统计',
    description:
      '统计本组织的全部任务（不受分页限制）：total、overdue、completionRate、byStatus、byLight（green、yellow、red、gray）和 byUnit（每个责任单位的 count 与 byLight）。计数按日期和组织版本号复用，任务有变化即重新统计；县级用户另得各乡镇的完成率与红黄绿灯（byOrganization）。',
    ok: TaskStatsDto,
    errors: [401],
  })
  stats(@CurrentUser() user: AuthUser) {
    return this.listing.stats(user);
  }

  @Get('ledger')
  @ApiRoute({
    summary: '整改台账（按问题分组）',
    description:
      '按台账顺序（年度、报告、在报告中的位置）分组：每组一个序号，为一个整改问题及回应它的整改措施（problemTaskId），其他任务单独成组。筛选条件同 GET /tasks（另有 reportId 按报告筛选）；分页按组计，all=true 返回整本（打印台账用）。每项带 progressText（进展情况，按实际状态：退回的任务写“退回整改”）；另返回标题、组织全称、年度、填报日期和符合条件的任务数、组数。organizationId 同 GET /tasks：可取本单位的下级单位，只读查看其台账（上级督导），标题和组织全称即为该单位；不在下级范围内返回 404 ORGANIZATION_NOT_FOUND。',
    ok: LedgerResponseDto,
    errors: [400, 401, 'ORGANIZATION_NOT_FOUND'],
  })
  ledger(@CurrentUser() user: AuthUser, @Query() query: LedgerQuery) {
    return this.ledgers.ledger(user, query);
  }

  @Get('export.xlsx')
  @ApiRoute({
    summary: '导出整改台账（Excel）',
    description:
      '可打印的台账：标题行（组织全称 + 年度 + 法治政府建设问题整改台账）、填报单位和填报日期、按问题分组并合并序号和问题单元格、边框、仿宋、按内容设定行高，A4 横向、宽度缩至一页、每页重复表头；任务编号在隐藏列，改好后可经 POST /tasks/import.xlsx 导回。筛选条件同 GET /tasks/ledger（如 year、reportId）。organizationId 同 GET /tasks：下级单位的台账（上级督导打印用），标题行和填报单位写该单位的全称；只读，导回由该单位办理（上级导入其任务编号按任务不存在处理）；不在下级范围内返回 404 ORGANIZATION_NOT_FOUND。下载文件名为台账所属组织的全称加“整改台账.xlsx”（Content-Disposition 以 RFC 5987 filename* 携带中文名，filename 为 ASCII 的 ledger.xlsx）。',
    errors: [400, 401, 'ORGANIZATION_NOT_FOUND'],
  })
  @ApiFileResponse(XLSX, '<组织全称>整改台账.xlsx')
  async export(@CurrentUser() user: AuthUser, @Query() query: LedgerQuery, @Res() reply: FastifyReply) {
    const file = await this.exporter.exportLedger(user, query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', contentDisposition('attachment', file.fileName, 'ledger.xlsx'))
      .send(file.buffer);
  }

  @Post('import.xlsx')
  @AllowedTo('task.assign')
  @ApiConsumes('multipart/form-data')
  @ApiRoute({
    summary: '导入整改台账（Excel），按任务编号批量修改责任领导、单位、责任人和时限；有错误行则整体不生效',
    description:
      '仅管理员和领导。任何一行有错返回 400 IMPORT_INVALID，message 写明行号和原因，整个文件不生效。',
    created: LedgerImportResultDto,
    errors: [
      'FILE_REQUIRED',
      'IMPORT_INVALID',
      401,
      403,
      'FILE_TOO_LARGE',
      'IMPORT_TOO_LARGE',
      'ARCHIVE_TOO_LARGE',
      'SUSPICIOUS_ARCHIVE',
      'PARSER_BUSY',
    ],
  })
  @ApiFileUploadBody('整改台账（.xlsx，由导出的台账修改而来）')
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.importer.importLedger(user, (await readUpload(request)).buffer);
  }

  @Get(':id')
  @ApiRoute({
    summary: '任务详情（含变更历史）',
    description:
      'allowedActions 列出调用者此刻可对本任务执行的操作（按固定顺序）：update 报送进展、submit_for_review 申请销号、upload_evidence 上传佐证材料、request_extension 申请延期、review 核验销号、decide_extension 审批延期、edit 修改标题、reassign 调整责任领导/单位/责任人、change_deadline 调整完成时限、cancel 撤销任务、urge 催办（上级组织的领导和管理员为县级督办）。由权限表和状态机算出，与各接口的校验一致；界面只显示其中列出的操作。',
    ok: TaskDetailDto,
    errors: [400, 401, 'TASK_NOT_FOUND'],
  })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.tasks.get(user, id);
  }

  @Patch(':id')
  @AllowedTo('task.assign')
  @ApiRoute({
    summary: '修改责任领导、单位、责任人、时限、标题或所回应的整改问题',
    description:
      'problemTaskId：本任务回应的整改问题（须为本组织的整改问题类任务，否则 400；null 取消关联），已办结的任务也可修改此项。',
    ok: { type: TaskDetailDto, description: '修改后的任务详情' },
    errors: [
      400,
      401,
      403,
      'TASK_NOT_FOUND',
      'UNIT_NOT_FOUND',
      'USER_NOT_FOUND',
      'VERSION_CONFLICT',
      'TASK_CLOSED',
    ],
  })
  patch(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: PatchTaskDto) {
    return this.assignment.patch(user, id, dto);
  }

  @Post(':id/updates')
  @AllowedTo('task.progress')
  @ApiRoute({
    summary: '报送进展（进度、说明、成效、状态）',
    description:
      'status=pending_review 即申请销号，须有非空的 outcome；evidenceIds 关联先上传的佐证材料。返回报送后的任务详情。',
    created: { type: TaskDetailDto, description: '报送后的任务详情' },
    errors: [
      400,
      'EVIDENCE_NOT_FOUND',
      401,
      403,
      'TASK_NOT_FOUND',
      'TASK_NOT_ASSIGNED',
      'ILLEGAL_TRANSITION',
    ],
  })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: TaskUpdateDto) {
    return this.progress.addUpdate(user, id, dto);
  }

  @Post(':id/review')
  @AllowedTo('task.review')
  @ApiRoute({
    summary: '核验：销号或退回',
    description: '仅管理员和领导，对待核验的任务：approve 销号，reject 退回办理中。',
    created: { type: TaskDetailDto, description: '核验后的任务详情' },
    errors: [400, 401, 403, 'TASK_NOT_FOUND', 'ILLEGAL_TRANSITION'],
  })
  review(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: ReviewDto) {
    return this.progress.review(user, id, dto);
  }

  @Post(':id/cancel')
  @AllowedTo('task.cancel')
  @ApiRoute({
    summary: '撤销任务',
    description: '仅管理员和领导；须写明原因，已办结的任务不能撤销（409 ILLEGAL_TRANSITION）。',
    created: { type: TaskDetailDto, description: '撤销后的任务详情' },
    errors: [400, 401, 403, 'TASK_NOT_FOUND', 'ILLEGAL_TRANSITION'],
  })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: CancelDto) {
    return this.progress.cancel(user, id, dto);
  }

  @Post(':id/evidence')
  @AllowedTo('task.progress')
  @ApiEvidenceUpload(
    '上传佐证材料（字段 file），返回编号和 SHA-256，报送进展时以 evidenceIds 关联',
    EvidenceFileDto,
    'TASK_NOT_FOUND',
    'TASK_CLOSED',
  )
  async uploadEvidence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    return this.evidence.upload(user, id, await readUpload(request));
  }

  @Get(':id/evidence/:evidenceId')
  @ApiRoute({
    summary: '下载或预览佐证材料',
    description:
      '可查看该任务的用户均可下载（上级组织只读），其他组织一律 404。图片和 PDF 以 inline 返回供页面内预览，其余类型以 attachment 下载；Content-Disposition 以 RFC 5987 filename* 携带原始中文文件名，Content-Type 按扩展名给出并带 X-Content-Type-Options: nosniff。preview=1 时改为返回 JSON：.docx 的纯文本 {kind:"text", text} 或 .xlsx 的表格 {kind:"table", sheets:[{name, rows}]}，其他类型 400 PREVIEW_UNSUPPORTED。',
    ok: {
      description: '文件内容（Content-Type 按扩展名）；preview=1 时为预览 JSON',
      headers: {
        'Content-Disposition': {
          description: 'inline 或 attachment，及原文件名（RFC 5987 编码）',
          schema: { type: 'string' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(EvidencePreviewDto) } },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      },
    },
    errors: [400, 'PREVIEW_UNSUPPORTED', 401, 'TASK_NOT_FOUND', '404:EVIDENCE_NOT_FOUND'],
  })
  @ApiExtraModels(EvidencePreviewDto)
  async evidenceFile(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Param('evidenceId', ParseUuidPipe) evidenceId: string,
    @Query() query: EvidenceQuery,
    @Res() reply: FastifyReply,
  ) {
    if (query.preview === '1') return reply.send(await this.evidence.preview(user, id, evidenceId));
    return sendEvidence(reply, await this.evidence.download(user, id, evidenceId));
  }

  @Post(':id/extensions')
  @AllowedTo('task.extension.request')
  @ApiRoute({
    summary: '申请延期',
    description:
      '责任人或其单位的工作人员、领导、管理员可申请；新时限须晚于当前时限，已有待审批的申请时返回 409 EXTENSION_PENDING。',
    created: { type: TaskDetailDto, description: '申请后的任务详情（extensionPending 为 true）' },
    errors: [
      400,
      'EXTENSION_NOT_LATER',
      401,
      403,
      'TASK_NOT_FOUND',
      'EXTENSION_PENDING',
      'ILLEGAL_TRANSITION',
    ],
  })
  requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ExtensionRequestDto,
  ) {
    return this.extensions.request(user, id, dto);
  }

  @Post(':id/extensions/:extensionId/decision')
  @AllowedTo('task.extension.decide')
  @ApiRoute({
    summary: '审批延期申请（同意则修改完成时限）',
    description:
      '仅管理员和领导：approve 同意并修改完成时限，refuse 不同意；已审批的申请返回 409 EXTENSION_DECIDED。',
    created: { type: TaskDetailDto, description: '审批后的任务详情' },
    errors: [400, 401, 403, 'TASK_NOT_FOUND', 'EXTENSION_NOT_FOUND', 'EXTENSION_DECIDED'],
  })
  decideExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Param('extensionId', ParseUuidPipe) extensionId: string,
    @Body() dto: ExtensionDecisionDto,
  ) {
    return this.extensions.decide(user, id, extensionId, dto);
  }
}

function sendEvidence(reply: FastifyReply, file: EvidenceDownload) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.contentDisposition)
    .header('content-length', String(file.sizeBytes))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}
