import { Controller, Get, Header, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from '../identity/roles.decorator';
import type { AuthUser } from '../identity/auth-user';
import { readUpload } from './read-upload';
import { ReportsService } from './reports.service';

@ApiTags('年度报告')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Roles('admin', 'leader')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: '上传年度报告（字段 file，.txt/.docx/.md），解析出问题、原因、措施和计划',
    description:
      '识别编号标题、行内列举（一是……二是……）、同一行的 1.…；2.…、“问题一：”分块、表格（每行一条，按表头取整改措施列，责任单位和完成时限列用于建议）以及从 PDF 复制的按页宽折行文本。',
  })
  async upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.reports.upload(user, await readUpload(request));
  }

  @Get()
  @ApiOperation({ summary: '本单位已上传的报告' })
  list(@CurrentUser() user: AuthUser) {
    return this.reports.list(user);
  }

  @Get(':id')
  @ApiOperation({ summary: '报告详情及条目（含已生成的任务）' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.reports.get(user, id);
  }

  @Get(':id/text')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: '报告规范化全文（条目偏移量所指的文本）' })
  text(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.reports.text(user, id);
  }
}
