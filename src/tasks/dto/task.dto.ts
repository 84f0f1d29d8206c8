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
}

export class TaskUpdateDto {
  @ApiPropertyOptional({ enum: ['in_progress', 'pending_review'] })
  @IsOptional()
  @IsIn(['in_progress', 'pending_review'])
  status?: 'in_progress' | 'pending_review';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100) progress?: number;
  @ApiProperty() @IsString() @Length(1, 5000) note: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) outcome?: string;
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
  @ApiPropertyOptional({ enum: ITEM_TYPES }) @IsOptional() @IsIn(ITEM_TYPES) itemType?: ItemType;
  @ApiPropertyOptional({ description: '计划年度' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(3000)
  year?: number;
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
