import { ApiProperty } from '@nestjs/swagger';

export class WorklogCategoryDto {
  @ApiProperty({ example: 'publicity' }) key: string;
  @ApiProperty({ example: '普法宣传' }) label: string;
  @ApiProperty({
    enum: ['achievements', 'leadership', 'other'],
    description: '写入年度报告的部分：主要举措和成效、第一责任人履职情况、其他需要报告的情况',
  })
  part: string;
  @ApiProperty() active: boolean;
}

export class WorklogFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '讲座照片.jpg' }) fileName: string;
  @ApiProperty() sizeBytes: number;
}

export class UploadedWorklogFileDto extends WorklogFileDto {
  @ApiProperty({ description: 'SHA-256（十六进制）' }) sha256: string;
}

export class WorklogEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2025-03-15' }) date: string;
  @ApiProperty({ example: 'publicity', description: '类别的 key' }) category: string;
  @ApiProperty({ example: '普法宣传' }) categoryLabel: string;
  @ApiProperty({ enum: ['work', 'problem'], description: 'work 工作纪实，problem 发现的问题' }) kind: string;
  @ApiProperty({ example: '开展法治讲座12场，覆盖群众1500余人' }) text: string;
  @ApiProperty({ type: String, nullable: true, description: '问题的原因（仅 kind=problem）' }) cause:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId: string | null;
  @ApiProperty({ description: '写入年度报告' }) inReport: boolean;
  @ApiProperty({ type: [WorklogFileDto] }) files: WorklogFileDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DeletedWorklogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [true] }) deleted: boolean;
}
