import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ITEM_KINDS = ['problem', 'cause', 'measure', 'plan'];
const SECTION_KINDS = ['achievements', 'leadership', 'problems', 'causes', 'rectification', 'plans', 'other'];

export class ReportSectionDto {
  @ApiProperty({ enum: SECTION_KINDS, enumName: 'ReportSectionKind', description: '报告的部分' })
  kind: string;
  @ApiProperty({ example: '一、存在的问题' }) heading: string;
  @ApiProperty({ description: '在规范化全文中的起始偏移（含）' }) start: number;
  @ApiProperty({ description: '在规范化全文中的结束偏移（不含）' }) end: number;
}

export class ReportItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '在报告中的顺序，从 1 开始' }) seq: number;
  @ApiProperty({
    enum: ITEM_KINDS,
    enumName: 'ReportItemKind',
    description: 'problem 问题、cause 原因、measure 整改措施、plan 工作计划',
  })
  kind: string;
  @ApiProperty({ example: '执法人员业务水平有待提高' }) title: string;
  @ApiProperty({
    example: '一是执法人员业务水平有待提高。目前在我镇执法队伍中，部分人员对法律法规掌握不够全面。',
  })
  text: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty({ type: [String], example: ['存在的问题'], description: '所在的各级标题，从外到内' })
  headingPath: string[];
  @ApiProperty({ type: [String], example: ['综合行政执法队'], description: '按关键词推荐的责任单位' })
  suggestedUnits: string[];
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-12-31',
    description: '推荐的完成时限：报告中的时限，已过时则为本单位默认时限（不会早于今天）',
  })
  suggestedDeadline: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-06-30',
    description: '报告中写明的完成时限（可能已过）',
  })
  reportedDeadline: string | null;
  @ApiProperty({ description: '报告中写明的时限已过，suggestedDeadline 已改为默认时限' })
  suggestedDeadlinePast: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '整改措施最可能回应的整改问题条目（确认时作为 problemItemId 的建议）',
  })
  suggestedProblemItemId: string | null;
  @ApiProperty({ description: '是否为长期坚持的工作' }) longTerm: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '已生成的任务' }) taskId:
    string | null;
}

/** What both views of a report start with: its id and the name of the file it was read from. */
class ReportFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2024年法治政府建设情况报告.docx' }) fileName: string;
}

export class ReportSummaryDto extends ReportFileDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '鲁山县张良镇人民政府关于2024年法治政府建设情况的报告',
  })
  title: string | null;
  @ApiProperty({ type: String, nullable: true, example: '鲁山县张良镇人民政府', description: '报告单位' })
  organization: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2024, description: '报告年度' }) reportYear:
    number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2025, description: '计划年度' }) planYear:
    number | null;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: '解析出的条目数' }) itemCount: number;
  @ApiProperty({ description: '已生成任务的条目数' }) taskCount: number;
}

export class ReportDto extends ReportFileDto {
  @ApiProperty({ description: '文件的 SHA-256（十六进制）' }) sha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: Number, nullable: true, example: 2024 }) reportYear: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) planYear: number | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, example: '鲁山县张良镇人民政府' }) organization: string | null;
  @ApiProperty({ type: [ReportSectionDto] }) sections: ReportSectionDto[];
  @ApiProperty({ type: String, nullable: true, description: '报告中写明的第一责任人' })
  responsiblePerson: string | null;
  @ApiProperty({ type: [ReportItemDto] }) items: ReportItemDto[];
}

export class UploadedReportDto extends ReportDto {
  @ApiPropertyOptional({ description: 'true：同一文件已上传过，返回的是原来的报告' }) duplicate?: boolean;
}
