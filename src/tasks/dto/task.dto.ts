import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageNumber, PageSize } from '../../common/pagination';
import { QueryWholeNumber } from '../../common/query-number';
import { ITEM_TYPES, ItemType } from '../item-type';
import { TASK_STATUSES } from '../task-status';
import { TRAFFIC_LIGHTS, TrafficLight } from '../traffic-light';

export class ConfirmItemDto {
  @ApiProperty() @IsUUID() itemId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() longTerm?: boolean;
  @ApiPropertyOptional({ enum: ['monthly', 'quarterly'] })
  @IsOptional()
  @IsIn(['monthly', 'quarterly'])
  evidenceInterval?: 'monthly' | 'quarterly';
  @ApiPropertyOptional({
    description:
      '整改措施所针对的整改问题：同一报告中问题条目的编号（该问题须已生成任务或在本次一并确认），存入任务的 problemTaskId',
  })
  @IsOptional()
  @IsUUID()
  problemItemId?: string;
}

export class ConfirmItemsDto {
  @ApiProperty({ type: [ConfirmItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ConfirmItemDto)
  items: ConfirmItemDto[];
}

export class PatchTaskDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) deadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) title?: string;
  @ApiPropertyOptional({
    nullable: true,
    description: '本整改措施所回应的整改问题（同一组织的整改问题类任务）；null 取消关联',
  })
  @IsOptional()
  @IsUUID()
  problemTaskId?: string | null;

  @ApiPropertyOptional({ description: '修改理由，记入变更历史（任务页调整完成时限时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class TaskUpdateDto {
  @ApiPropertyOptional({ enum: ['in_progress', 'pending_review'] })
  @IsOptional()
  @IsIn(['in_progress', 'pending_review'])
  status?: 'in_progress' | 'pending_review';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100) progress?: number;
  @ApiProperty() @IsString() @Length(1, 5000) note: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) outcome?: string;
  @ApiPropertyOptional({
    example: '2025-06-30',
    description: '申请销号时填写：工作实际完成的日期（默认今天），不能晚于今天，不能早于任务创建日期',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  completedOn?: string;
  @ApiPropertyOptional({ description: '先经 POST /tasks/:id/evidence 上传的佐证材料编号' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) decision: 'approve' | 'reject';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class CancelDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}

export class ListTasksQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: '下级单位的任务（只读查看，须在本单位的下级范围内，否则 404）；默认本单位',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES, description: '状态' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ enum: ['rectification', 'plan'] })
  @IsOptional()
  @IsIn(['rectification', 'plan'])
  kind?: string;
  @ApiPropertyOptional({ format: 'uuid', description: '来源报告' }) @IsOptional() @IsUUID() reportId?: string;
  @ApiPropertyOptional({ enum: ITEM_TYPES }) @IsOptional() @IsIn(ITEM_TYPES) itemType?: ItemType;
  @ApiPropertyOptional({ description: '计划年度' }) @QueryWholeNumber(1900, 3000) year?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?:
    'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) open?:
    'true' | 'false';
  @ApiPropertyOptional({ enum: TRAFFIC_LIGHTS }) @IsOptional() @IsIn(TRAFFIC_LIGHTS) light?: TrafficLight;
  @ApiPropertyOptional({ description: '搜索标题和原文' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({
    example: '-deadline',
    description: 'deadline、createdAt、progress、title，前加 - 为倒序',
  })
  @IsOptional()
  @IsIn(['deadline', '-deadline', 'createdAt', '-createdAt', 'progress', '-progress', 'title', '-title'])
  sort?: string;
  @ApiPropertyOptional({ minimum: 1 }) @PageNumber() page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @PageSize(100) pageSize?: number;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2026-03-31' }) @IsISO8601({ strict: true }) requestedDeadline: string;
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ enum: ['approve', 'refuse'] }) @IsIn(['approve', 'refuse']) decision: 'approve' | 'refuse';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class EvidenceQuery {
  @ApiPropertyOptional({ enum: ['1'], description: '1：返回 .docx/.xlsx 的预览 JSON 而不是文件' })
  @IsOptional()
  @IsIn(['1'])
  preview?: '1';
}

export class EvidencePreviewSheetDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) rows: string[][];
}

export class EvidencePreviewDto {
  @ApiProperty({ enum: ['text', 'table'] }) kind: 'text' | 'table';
  @ApiProperty() fileName: string;
  @ApiPropertyOptional({ description: 'kind=text：文档的纯文本' }) text?: string;
  @ApiPropertyOptional({ type: [EvidencePreviewSheetDto], description: 'kind=table：各工作表的单元格文本' })
  sheets?: EvidencePreviewSheetDto[];
  @ApiProperty({ description: '是否只截取了前一部分' }) truncated: boolean;
}
