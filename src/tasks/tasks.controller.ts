import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from '../identity/roles.decorator';
import type { AuthUser } from '../identity/auth-user';
import { readUpload } from '../reports/read-upload';
import {
  CancelDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ListTasksQuery,
  PatchTaskDto,
  ReviewDto,
  TaskUpdateDto,
} from './dto/task.dto';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskExtensionsService } from './task-extensions.service';
import { TaskImportService } from './task-import.service';
import { TaskExportService } from './task-export.service';
import { TaskListService } from './task-list.service';
import { TaskProgressService } from './task-progress.service';
import { TasksService } from './tasks.service';
import { ApiErrorResponses } from '../common/openapi/api-error-responses';
import { ApiPagedResponse } from '../common/openapi/api-paged-response';
import { ApiFileResponse, ApiFileUploadBody } from '../common/openapi/api-file';
import {
  EvidenceFileDto,
  LedgerImportResultDto,
  TaskDetailDto,
  TaskDto,
  TaskStatsDto,
} from './dto/task-responses.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('整改任务')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly progress: TaskProgressService,
    private readonly listing: TaskListService,
    private readonly exporter: TaskExportService,
    private readonly extensions: TaskExtensionsService,
    private readonly evidence: TaskEvidenceService,
    private readonly importer: TaskImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: '任务列表（筛选、排序、搜索、分页）',
    description:
      '返回 {items, total, page, pageSize}。total 为精确总数。每项带 statusLabel（状态）、itemType/itemTypeLabel（事项类型：整改问题、整改措施、工作计划、长期坚持）、light/lightLabel（红黄绿灯，已办结为 gray）和 extensionPending（有待审批的延期申请）；用语见 GET /meta 的 vocabulary。itemType 按事项类型筛选，open=true 只列未办结的任务，light 可取 green、yellow、red、gray。每个 API 进程按组织版本号复用同一筛选条件的计数和已序列化的整页结果（TASK_LIST_CACHE_PAGES）：本组织的任务或延期申请有任何提交（无论来自哪个进程或直接 SQL）都会更新版本号，之后的请求即重新查询。overdue=false 表示未逾期（已办结或期限未到或无期限）。',
  })
  @ApiPagedResponse(TaskDto, { description: '一页任务' })
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery) {
    return this.listing.list(user, query);
  }

  @Get('stats')
  @ApiOperation({
    summary: '按状态、单位、红黄绿灯统计',
    description:
      '统计本组织的全部任务（不受分页限制）：total、overdue、completionRate、byStatus、byLight（green、yellow、red、gray）和 byUnit（每个责任单位的 count 与 byLight）。计数按日期和组织版本号复用，任务有变化即重新统计；县级用户另得各乡镇的完成率与红黄绿灯（byOrganization）。',
  })
  @ApiOkResponse({ type: TaskStatsDto })
  @ApiErrorResponses(401)
  stats(@CurrentUser() user: AuthUser) {
    return this.listing.stats(user);
  }

  @Get('export.xlsx')
  @ApiOperation({
    summary: '导出整改台账（Excel）',
    description: '返回 .xlsx：标题行、A4 横向一页宽、每页重复表头；修改后可经 POST /tasks/import.xlsx 导回。',
  })
  @ApiFileResponse(XLSX, '整改台账.xlsx')
  @ApiErrorResponses(401)
  async export(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply) {
    const buffer = await this.exporter.exportLedger(user);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('整改台账.xlsx')}`)
      .send(buffer);
  }

  @Post('import.xlsx')
  @Roles('admin', 'leader')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: '导入整改台账（Excel），按任务编号批量修改责任领导、单位、责任人和时限；有错误行则整体不生效',
    description:
      '仅管理员和领导。任何一行有错返回 400 IMPORT_INVALID，message 写明行号和原因，整个文件不生效。',
  })
  @ApiFileUploadBody('整改台账（.xlsx，由导出的台账修改而来）')
  @ApiCreatedResponse({ type: LedgerImportResultDto })
  @ApiErrorResponses(
    'FILE_REQUIRED',
    'IMPORT_INVALID',
    401,
    403,
    'FILE_TOO_LARGE',
    'IMPORT_TOO_LARGE',
    'ARCHIVE_TOO_LARGE',
    'SUSPICIOUS_ARCHIVE',
    'PARSER_BUSY',
  )
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.importer.importLedger(user, (await readUpload(request)).buffer);
  }

  @Get(':id')
  @ApiOperation({
    summary: '任务详情（含变更历史）',
    description:
      'allowedActions 列出调用者此刻可对本任务执行的操作（按固定顺序）：update 报送进展、submit_for_review 申请销号、upload_evidence 上传佐证材料、request_extension 申请延期、review 核验销号、decide_extension 审批延期、edit 修改标题、reassign 调整责任领导/单位/责任人、change_deadline 调整完成时限、cancel 撤销任务。由权限表和状态机算出，与各接口的校验一致；界面只显示其中列出的操作。',
  })
  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrorResponses(400, 401, 'TASK_NOT_FOUND')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.tasks.get(user, id);
  }

  @Patch(':id')
  @Roles('admin', 'leader')
  @ApiOperation({
    summary: '修改责任领导、单位、责任人、时限或标题',
    description:
      '仅管理员和领导。须带上任务当前的 version，已被他人修改时返回 409 VERSION_CONFLICT（details.currentVersion）；已办结的任务返回 409 TASK_CLOSED。',
  })
  @ApiOkResponse({ type: TaskDetailDto, description: '修改后的任务详情' })
  @ApiErrorResponses(
    400,
    401,
    403,
    'TASK_NOT_FOUND',
    'UNIT_NOT_FOUND',
    'USER_NOT_FOUND',
    'VERSION_CONFLICT',
    'TASK_CLOSED',
  )
  patch(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: PatchTaskDto) {
    return this.tasks.patch(user, id, dto);
  }

  @Post(':id/updates')
  @Roles('admin', 'leader', 'staff')
  @ApiOperation({
    summary: '报送进展（进度、说明、成效、状态）',
    description:
      'status=pending_review 即申请销号，须有非空的 outcome；evidenceIds 关联先上传的佐证材料。返回报送后的任务详情。',
  })
  @ApiCreatedResponse({ type: TaskDetailDto, description: '报送后的任务详情' })
  @ApiErrorResponses(
    400,
    'EVIDENCE_NOT_FOUND',
    401,
    403,
    'TASK_NOT_FOUND',
    'TASK_NOT_ASSIGNED',
    'ILLEGAL_TRANSITION',
  )
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: TaskUpdateDto) {
    return this.progress.addUpdate(user, id, dto);
  }

  @Post(':id/review')
  @Roles('admin', 'leader')
  @ApiOperation({
    summary: '核验：销号或退回',
    description: '仅管理员和领导，对待核验的任务：approve 销号，reject 退回办理中。',
  })
  @ApiCreatedResponse({ type: TaskDetailDto, description: '核验后的任务详情' })
  @ApiErrorResponses(400, 401, 403, 'TASK_NOT_FOUND', 'ILLEGAL_TRANSITION')
  review(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: ReviewDto) {
    return this.progress.review(user, id, dto);
  }

  @Post(':id/cancel')
  @Roles('admin', 'leader')
  @ApiOperation({
    summary: '撤销任务',
    description: '仅管理员和领导；须写明原因，已办结的任务不能撤销（409 ILLEGAL_TRANSITION）。',
  })
  @ApiCreatedResponse({ type: TaskDetailDto, description: '撤销后的任务详情' })
  @ApiErrorResponses(400, 401, 403, 'TASK_NOT_FOUND', 'ILLEGAL_TRANSITION')
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: CancelDto) {
    return this.progress.cancel(user, id, dto);
  }

  @Post(':id/evidence')
  @Roles('admin', 'leader', 'staff')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: '上传佐证材料（字段 file），返回编号和 SHA-256，报送进展时以 evidenceIds 关联',
    description: 'multipart/form-data，单个文件不超过 UPLOAD_MAX_BYTES（否则 413 FILE_TOO_LARGE）。',
  })
  @ApiFileUploadBody('佐证材料（任意格式）')
  @ApiCreatedResponse({ type: EvidenceFileDto })
  @ApiErrorResponses(
    'FILE_REQUIRED',
    'EMPTY_FILE',
    'INVALID_FILE_NAME',
    401,
    403,
    'TASK_NOT_FOUND',
    'TASK_CLOSED',
    'FILE_TOO_LARGE',
  )
  async uploadEvidence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    return this.evidence.upload(user, id, await readUpload(request));
  }

  @Post(':id/extensions')
  @Roles('admin', 'leader', 'staff')
  @ApiOperation({
    summary: '申请延期',
    description:
      '责任人或其单位的工作人员、领导、管理员可申请；新时限须晚于当前时限，已有待审批的申请时返回 409 EXTENSION_PENDING。',
  })
  @ApiCreatedResponse({ type: TaskDetailDto, description: '申请后的任务详情（extensionPending 为 true）' })
  @ApiErrorResponses(
    400,
    'EXTENSION_NOT_LATER',
    401,
    403,
    'TASK_NOT_FOUND',
    'EXTENSION_PENDING',
    'ILLEGAL_TRANSITION',
  )
  requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ExtensionRequestDto,
  ) {
    return this.extensions.request(user, id, dto);
  }

  @Post(':id/extensions/:extensionId/decision')
  @Roles('admin', 'leader')
  @ApiOperation({
    summary: '审批延期申请（同意则修改完成时限）',
    description:
      '仅管理员和领导：approve 同意并修改完成时限，refuse 不同意；已审批的申请返回 409 EXTENSION_DECIDED。',
  })
  @ApiCreatedResponse({ type: TaskDetailDto, description: '审批后的任务详情' })
  @ApiErrorResponses(400, 401, 403, 'TASK_NOT_FOUND', 'EXTENSION_NOT_FOUND', 'EXTENSION_DECIDED')
  decideExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Param('extensionId', ParseUuidPipe) extensionId: string,
    @Body() dto: ExtensionDecisionDto,
  ) {
    return this.extensions.decide(user, id, extensionId, dto);
  }
}
