import { ApiProperty } from '@nestjs/swagger';
import { ROBOT_REMINDER_KINDS } from '../robot-reminder';

/** What the 通用 Webhook robot receives (vendors' robots get their own documented formats from the same message). */
export class RobotFactDto {
  @ApiProperty({ example: '截止日期' }) name: string;
  @ApiProperty({ example: '2026年6月30日' }) value: string;
}

export class RobotPersonDto {
  @ApiProperty({ example: '张三' }) name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '13800001111',
    description: '手机号；没有则只写姓名',
  })
  mobile: string | null;
}

export class RobotItemDto {
  @ApiProperty({
    enum: ROBOT_REMINDER_KINDS,
    description: 'due 到期提醒、overdue 逾期、urge 催办、supervise 县级督办',
  })
  kind: string;
  @ApiProperty({ example: '【到期提醒】' }) label: string;
  @ApiProperty({ example: '规范行政执法文书' }) title: string;
  @ApiProperty({ type: [RobotFactDto], description: '责任单位、截止日期、催办人及意见等，按阅读顺序' })
  facts: RobotFactDto[];
  @ApiProperty({ type: [RobotPersonDto], description: '要 @ 的人' }) people: RobotPersonDto[];
  @ApiProperty({ type: String, nullable: true, description: '任务在系统中的链接（配置了 PUBLIC_URL 时）' })
  link: string | null;
}

export class RobotTextDto {
  @ApiProperty({ example: '【到期提醒】规范行政执法文书\n责任单位：司法所\n截止日期：2026年6月30日' })
  content: string;
}

export class GenericRobotPayloadDto {
  @ApiProperty({ enum: ['text'] }) msgtype: string;
  @ApiProperty({ type: RobotTextDto, description: '可直接转发的纯文本' }) text: RobotTextDto;
  @ApiProperty({ description: '投递编号，与 X-Rectify-Delivery 头相同；接收方据此去重' }) deliveryId: string;
  @ApiProperty({ example: '【到期提醒】规范行政执法文书' }) title: string;
  @ApiProperty({ type: [RobotItemDto], description: '消息中的各项提醒，供系统对接使用' })
  items: RobotItemDto[];
  @ApiProperty({ type: [String], example: ['13800001111'], description: '要 @ 的人的手机号' })
  mentionedMobiles: string[];
}
