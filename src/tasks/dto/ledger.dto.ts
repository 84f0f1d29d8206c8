import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageSize } from '../../common/pagination';
import { ListTasksQuery } from './task.dto';
import { TaskDto } from './task-responses.dto';

/** The task list's filters (year, report, status, light, unit, …), organizationId among them: a county reads and
 * prints a township's 台账 as it reads its task list. Pages count groups, not tasks. */
export class LedgerQuery extends OmitType(ListTasksQuery, ['sort', 'pageSize'] as const) {
  @ApiPropertyOptional({ description: '每页的序号（问题组）数，默认 20' })
  @PageSize(100)
  pageSize?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：不分页，整本台账（打印用）' })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}

/** A ledger line: the task as GET /tasks lists it, plus its 序号, problem and 进展情况. */
export class LedgerEntryDto extends TaskDto {
  @ApiProperty({ description: '序号（同一问题组的任务序号相同）' }) seq: number;
  @ApiProperty({ nullable: true, type: String, description: '所回应的整改问题的标题' }) problemTitle:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '最近一次报送进展的说明' }) lastNote:
    string | null;
  @ApiProperty({ description: '进展情况，按任务实际状态（退回的任务写“退回整改”）' }) progressText: string;
}

export class LedgerGroupDto {
  @ApiProperty({ description: '序号' }) seq: number;
  @ApiProperty({ nullable: true, type: String }) problemId: string | null;
  @ApiProperty({ nullable: true, type: String }) problemTitle: string | null;
  @ApiProperty({ nullable: true, type: LedgerEntryDto, description: '问题本身（在筛选结果内时）' })
  problem: LedgerEntryDto | null;
  @ApiProperty({ type: [LedgerEntryDto], description: '回应该问题的整改措施；不属于任何问题的任务单独成组' })
  measures: LedgerEntryDto[];
}

export class LedgerResponseDto {
  @ApiProperty() organizationName: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: 'XX镇2025年度法治政府建设问题整改台账' }) title: string;
  @ApiProperty({ example: '2026-12-05' }) filledOn: string;
  @ApiProperty({ description: '符合条件的任务数' }) taskCount: number;
  @ApiProperty({ description: '符合条件的序号（问题组）数' }) groupCount: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [LedgerGroupDto] }) groups: LedgerGroupDto[];
}

/** What an import of the ledger's Excel file changed. */
export class LedgerImportResultDto {
  @ApiProperty({ description: '台账中的任务行数' }) rows: number;
  @ApiProperty({ description: '有修改的任务数' }) updated: number;
  @ApiProperty({ description: '无变化的任务数' }) unchanged: number;
}
