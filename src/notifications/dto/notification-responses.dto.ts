import { ApiProperty } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '相关的任务' }) taskId:
    string | null;
  @ApiProperty({
    example: 'task.urged',
    description:
      '通知类别。到期提醒：due_in_7、due_in_3、due_in_1（到期前 7、3、1 天）、due_today、overdue；升级：escalate_leader（责任领导）、escalate_parent（上级组织管理员）；任务事件：task.assigned 分派、task.rejected 退回、task.review_requested 申请销号、task.completed 销号、task.deadline_changed 调整时限、task.urged 催办或县级督办、task.urge_replied 催办或督办的答复、task.extension_requested 申请延期、task.extension_decided 延期审批。',
  })
  kind: string;
  @ApiProperty({ example: '任务即将到期：加强执法队伍培训' }) title: string;
  @ApiProperty({ example: '完成时限为 2025-12-31，还剩 3 天。' }) body: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      '任务事件通知所带的附加信息，界面和各渠道据以行动：link 为任务页面（#/tasks/<id>）；task.urged 另有 supervise（是否县级督办）、message、actorId（催办人）；task.urge_replied 另有 supervise、urgeId（所答复的历史条目）、text（答复内容）；task.rejected 有 reason；task.extension_requested 有 requestedDeadline、currentDeadline；task.extension_decided 有 approved、comment。到期提醒和升级为 null。',
    example: { link: '#/tasks/0f8e…', supervise: true, urgeId: '42', text: '已组织整改，下周完成' },
  })
  data: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '阅读时间；未读为 null' })
  readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MarkedReadDto {
  @ApiProperty({ example: 3, description: '本次标记为已读的条数' }) updated: number;
}
