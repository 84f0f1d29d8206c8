import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DRAFT_PART_KEYS } from '../draft-types';

export class DraftParagraphDto {
  @ApiProperty({
    example: 'plans:3f97e7ed-0a73-4af4-bd25-87467351562e',
    description: '重新生成后不变的段落编号',
  })
  id: string;
  @ApiProperty({ enum: ['subheading', 'body', 'addressee', 'signature', 'date'], enumName: 'ParagraphStyle' })
  style: string;
  @ApiProperty({ example: '一是加强执法队伍培训，已培训执法人员 36 人次。' }) text: string;
  @ApiProperty({ type: [String], description: '段落所依据的任务' }) sourceTaskIds: string[];
  @ApiProperty({ type: [String], description: '段落所依据的上年度报告条目' }) sourceItemIds: string[];
  @ApiPropertyOptional({ type: [String], description: '段落所依据的工作纪实' }) sourceEntryIds?: string[];
  @ApiPropertyOptional({ description: '无内容可填的占位文字，须人工撰写' }) placeholder?: boolean;
  @ApiPropertyOptional({ description: '每年都有的常规段落' }) recurring?: boolean;
  @ApiPropertyOptional({ description: '文字经人工修改' }) edited?: boolean;
  @ApiPropertyOptional({ description: '人工修改前生成的文字' }) generatedText?: string;
  @ApiPropertyOptional({ description: '人工新增的段落' }) added?: boolean;
}

export class DraftSectionDto {
  @ApiProperty({ enum: DRAFT_PART_KEYS, enumName: 'DraftPartKey' }) key: string;
  @ApiProperty({ example: '一、2025年度推进法治政府建设的主要举措和成效' }) heading: string;
  @ApiProperty({ type: [DraftParagraphDto] }) paragraphs: DraftParagraphDto[];
}

export class DraftCountsDto {
  @ApiProperty({ description: '计划完成的任务数' }) planned: number;
  @ApiProperty({ description: '截至 asOf 已完成（含待核验）' }) completed: number;
  @ApiProperty({ description: '按期完成' }) onTime: number;
  @ApiProperty({ description: '截至 asOf 逾期未完成' }) overdue: number;
}

export class CompletenessPartDto {
  @ApiProperty({ enum: DRAFT_PART_KEYS, enumName: 'DraftPartKey' }) key: string;
  @ApiProperty({ example: '主要举措和成效' }) heading: string;
  @ApiProperty({ description: '报告中有这一部分' }) present: boolean;
  @ApiProperty({ description: '这一部分没有内容' }) empty: boolean;
}

export class CompletenessDto {
  @ApiProperty({ description: '五个必备部分齐全且都有内容' }) complete: boolean;
  @ApiProperty({ type: [CompletenessPartDto] }) parts: CompletenessPartDto[];
  @ApiProperty({ type: [String], example: ['存在的不足和原因'], description: '缺失或为空的部分' })
  missing: string[];
}

export class DraftSourceDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) itemId: string | null;
  @ApiProperty({ example: '加强执法队伍培训' }) title: string;
}

export class DraftDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ format: 'date', example: '2025-12-31', description: '草稿截至的日期' }) asOf: string;
  @ApiProperty({ example: '鲁山县张良镇人民政府关于2025年法治政府建设情况的报告' }) title: string;
  @ApiProperty({ type: [DraftParagraphDto], description: '主送机关和开头段' }) preamble: DraftParagraphDto[];
  @ApiProperty({ type: [DraftSectionDto] }) sections: DraftSectionDto[];
  @ApiProperty({ type: [DraftParagraphDto], description: '落款和成文日期' }) closing: DraftParagraphDto[];
  @ApiProperty({ type: DraftCountsDto }) counts: DraftCountsDto;
  @ApiProperty({ type: [DraftSourceDto] }) sources: DraftSourceDto[];
  @ApiProperty({ type: CompletenessDto }) completeness: CompletenessDto;
  @ApiProperty({ format: 'date-time', description: '生成时间' }) builtAt: string;
}
