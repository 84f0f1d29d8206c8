import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskDto } from '../../tasks/dto/task-responses.dto';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class UrgeDto {
  @ApiPropertyOptional({
    description: '催办或督办的要求，记入变更历史并写入通知',
    example: '请本周内报送整改进展',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class UrgeReplyDto {
  @ApiProperty({ description: '办理情况：对催办或县级督办的答复，上级在任务历史中可见' })
  @IsString()
  @Length(1, 2000)
  text: string;
}

export class InboxQueueDto {
  @ApiProperty({ description: '该队列的任务总数' }) count: number;
  @ApiProperty({ type: [TaskDto], description: '按完成时限排序的前 20 项（同 GET /tasks 的列表项）' })
  items: TaskDto[];
}

export class InboxDto {
  @ApiProperty({ type: InboxQueueDto, description: '待我核验：已申请销号的任务' })
  pendingReview: InboxQueueDto;
  @ApiProperty({ type: InboxQueueDto, description: '待审批延期：有待审批延期申请的任务' })
  pendingExtensions: InboxQueueDto;
  @ApiProperty({ type: InboxQueueDto, description: '逾期未办：未办结且已过完成时限' }) overdue: InboxQueueDto;
  @ApiProperty({ type: InboxQueueDto, description: '临期：3 天内（含今天）到期' }) dueSoon: InboxQueueDto;
  @ApiProperty({ type: InboxQueueDto, description: '待答复催办：被催办或县级督办、尚未答复办理情况的任务' })
  pressed: InboxQueueDto;
  @ApiProperty({ description: '未读消息数' }) unreadNotifications: number;
}
