import { ApiProperty } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '相关的任务' }) taskId:
    string | null;
  @ApiProperty({
    example: 'due_soon',
    description: '通知类别，如 due_soon 即将到期、overdue 已逾期、urged 催办',
  })
  kind: string;
  @ApiProperty({ example: '任务即将到期：加强执法队伍培训' }) title: string;
  @ApiProperty({ example: '完成时限为 2025-12-31，还剩 3 天。' }) body: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '阅读时间；未读为 null' })
  readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MarkedReadDto {
  @ApiProperty({ example: 3, description: '本次标记为已读的条数' }) updated: number;
}
