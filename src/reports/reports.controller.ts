import { Controller, Get, Header, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AllowedTo } from '../identity/allowed-to.decorator';
import type { AuthUser } from '../identity/auth-user';
import { readUpload } from './read-upload';
import { ReportsService } from './reports.service';
import { ApiFileUploadBody } from '../common/openapi/api-file';
import { ListReportsQuery } from './dto/list-reports.dto';
import { ReportDto, ReportSummaryDto, UploadedReportDto } from './dto/report-responses.dto';

@ApiTags('年度报告')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @AllowedTo('report.import')
  @ApiConsumes('multipart/form-data')
  @ApiRoute({
    summary: '上传年度报告（字段 file，.txt/.docx/.md），解析出问题、原因、措施和计划',
    description:
      '识别编号标题、行内列举（一是……二是……）、同一行的 1.…；2.…、“问题一：”分块、表格（每行一条，按表头取整改措施列，责任单位和完成时限列用于建议）以及从 PDF 复制的按页宽折行文本。',
    created: {
      type: UploadedReportDto,
      description: '解析出的报告及条目；同一文件再次上传返回原报告（duplicate=true）',
    },
    errors: [
      'FILE_REQUIRED',
      'EMPTY_FILE',
      'UNREADABLE_FILE',
      'INVALID_FILE_NAME',
      401,
      403,
      'FILE_TOO_LARGE',
      'ARCHIVE_TOO_LARGE',
      'UNSUPPORTED_FILE_TYPE',
      'FILE_CONTENT_MISMATCH',
      'SUSPICIOUS_ARCHIVE',
      'PARSE_TIMEOUT',
      'PARSE_MEMORY_EXCEEDED',
      'PARSER_BUSY',
    ],
  })
  @ApiFileUploadBody('年度报告（.txt、.docx 或 .md）')
  async upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.reports.upload(user, await readUpload(request));
  }

  @Get()
  @ApiRoute({
    summary: '本单位（或下级单位）已上传的报告',
    description:
      '新的在前，含条目数和已生成任务的条目数（不含全文和文件的存储位置）。organizationId 同 GET /tasks：可取本单位的下级单位，只读列出其报告（上级督导按来源报告筛选该单位的台账用）；不在下级范围内返回 404 ORGANIZATION_NOT_FOUND。报告详情和全文（GET /reports/{id}、/text）仍只限本单位。',
    ok: [ReportSummaryDto],
    errors: [400, 401, 'ORGANIZATION_NOT_FOUND'],
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListReportsQuery) {
    return this.reports.list(user, query.organizationId);
  }

  @Get(':id')
  @ApiRoute({
    summary: '报告详情及条目（含已生成的任务）',
    description:
      '条目的 start/end 为在规范化全文（GET /reports/{id}/text）中的偏移量；taskId 为该条目已生成的任务。',
    ok: ReportDto,
    errors: [400, 401, 'REPORT_NOT_FOUND'],
  })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.reports.get(user, id);
  }

  @Get(':id/text')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiRoute({
    summary: '报告规范化全文（条目偏移量所指的文本）',
    description: '返回 text/plain；条目的 start/end 即为此文本中的字符偏移。',
    ok: { description: '规范化全文', content: { 'text/plain': { schema: { type: 'string' } } } },
    errors: [400, 401, 'REPORT_NOT_FOUND'],
  })
  text(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.reports.text(user, id);
  }
}
