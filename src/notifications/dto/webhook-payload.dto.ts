import { ApiProperty, PickType } from '@nestjs/swagger';
import { GenericRobotPayloadDto } from '../../robots/dto/robot-payload.dto';

export class WebhookTextDto {
  @ApiProperty({ example: '【任务即将到期】张三：加强执法队伍培训的完成时限为 2025-12-31。' })
  content: string;
}

/**
 * What the notification channel `webhook` (WEBHOOK_URL) receives for each notice: the text message of the 通用
 * Webhook robot without its structured items, so a receiver written for one reads the other.
 */
export class NotificationWebhookPayloadDto extends PickType(GenericRobotPayloadDto, [
  'msgtype',
  'text',
  'deliveryId',
] as const) {
  @ApiProperty({ type: WebhookTextDto, description: '【通知标题】收件人：通知内容' })
  override text: WebhookTextDto;
}
