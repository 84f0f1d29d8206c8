import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { codesOf } from '../../common/closed-vocabulary';

/**
 * The group robots a unit can have. Declared here, with the unit's DTOs, because `PATCH /units/:id` carries them;
 * the robots feature (signing, sending) builds on these names.
 */
export const VENDOR_LABELS = { dingtalk: '钉钉', wecom: '企业微信', feishu: '飞书', generic: '通用 Webhook' };
export const ROBOT_VENDORS = codesOf(VENDOR_LABELS);
export type RobotVendor = (typeof ROBOT_VENDORS)[number];

export const MAX_ROBOTS_PER_SCOPE = 5;

/** One group robot as an admin enters it. */
export class UnitRobotInputDto {
  @ApiProperty({
    enum: ROBOT_VENDORS,
    description: 'dingtalk 钉钉 | wecom 企业微信 | feishu 飞书 | generic 通用 Webhook',
  })
  @IsIn(ROBOT_VENDORS, { message: '机器人类型应为 dingtalk、wecom、feishu 或 generic' })
  vendor: RobotVendor;

  @ApiProperty({ description: '群机器人的 Webhook 地址，从群机器人设置中复制' })
  @IsString({ message: '机器人地址应为文本' })
  @MaxLength(1000, { message: '机器人地址不能超过 1000 个字符' })
  url: string;

  @ApiPropertyOptional({
    nullable: true,
    description:
      '签名密钥（钉钉"加签"、飞书"签名校验"、通用 Webhook 的签名密钥）。不传则保留同一地址已保存的密钥；传 null 或空字符串则清除',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: '机器人密钥应为文本' })
  @MaxLength(200, { message: '机器人密钥不能超过 200 个字符' })
  secret?: string | null;
}

/** A configured robot as the API shows it: never the secret, only whether one is stored. */
export class UnitRobotView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: '所属责任单位；null 为领导班子群' })
  unitId: string | null;
  @ApiProperty({ enum: ROBOT_VENDORS }) vendor: RobotVendor;
  @ApiProperty({ example: '钉钉' }) vendorLabel: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Webhook 地址（仅管理员可见）；无法解密时为 null',
  })
  url: string | null;
  @ApiProperty({ description: '是否已保存签名密钥；密钥本身从不返回' }) hasSecret: boolean;
  @ApiProperty() position: number;
}
