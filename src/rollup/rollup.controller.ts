import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from '../identity/roles.decorator';
import type { AuthUser } from '../identity/auth-user';
import { EditParagraphDto } from './dto/edit-paragraph.dto';
import { DraftFilesService } from './draft-files.service';
import { parseDraftFile, parseDraftYear, RollupService } from './rollup.service';

@ApiTags('年度报告草稿')
@ApiBearerAuth()
@Controller('reports/drafts')
export class DraftsController {
  constructor(
    private readonly rollup: RollupService,
    private readonly files: DraftFilesService,
  ) {}

  @Get(':file')
  @ApiOperation({
    summary:
      '年度报告草稿：2025 返回 JSON（段落附来源任务），2025.docx 返回公文格式 Word，2025.md 返回 Markdown',
  })
  get(@CurrentUser() user: AuthUser, @Param('file') file: string): Promise<object | StreamableFile> {
    return this.files.render(user.organizationId, parseDraftFile(file));
  }

  @Post(':year/rebuild')
  @HttpCode(200)
  @Roles('admin', 'leader')
  @ApiOperation({ summary: '立即按任务台账重新生成草稿（保留人工修改的段落）' })
  rebuild(@CurrentUser() user: AuthUser, @Param('year') year: string) {
    return this.rollup.rebuildNow(user.organizationId, parseDraftYear(year));
  }

  @Put(':year/paragraphs/:paragraphId')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: '人工修改草稿段落；之后重新生成时保留修改并标记' })
  edit(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Param('paragraphId') paragraphId: string,
    @Body() body: EditParagraphDto,
  ) {
    return this.rollup.editParagraph(
      user.organizationId,
      parseDraftYear(year),
      paragraphId,
      body.text,
      user.id,
    );
  }

  @Delete(':year/paragraphs/:paragraphId')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: '撤销段落的人工修改，恢复生成的文字' })
  revert(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Param('paragraphId') paragraphId: string,
  ) {
    return this.rollup.revertParagraph(user.organizationId, parseDraftYear(year), paragraphId);
  }
}

@ApiTags('年度报告草稿')
@ApiBearerAuth()
@Controller('reports')
export class ReportCompletenessController {
  constructor(private readonly rollup: RollupService) {}

  @Get(':id/completeness')
  @ApiOperation({ summary: '已导入报告的完整性检查：五个必备部分中缺失或为空的部分' })
  completeness(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.rollup.reportCompleteness(user.organizationId, id);
  }
}
