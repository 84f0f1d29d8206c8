import { ApiProperty } from '@nestjs/swagger';

export class WebhookTextDto {
  @ApiProperty({ example: '【任务即将到期】张三：加强执法队伍培训的完成时限为 2025-12-31。' })
  content: string;
}

/** What the notification channel `webhook` (WEBHOOK_URL) receives for each notice. */
export class NotificationWebhookPayloadDto {
  @ApiProperty({ enum: ['text'] }) msgtype: string;
  @ApiProperty({ type: WebhookTextDto, description: '【通知标题】收件人：通知内容' }) text: WebhookTextDto;
  @ApiProperty({ description: '投递编号，与 X-Rectify-Delivery 头相同；接收方据此去重' }) deliveryId: string;
}
