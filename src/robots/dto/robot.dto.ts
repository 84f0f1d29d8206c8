import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROBOT_VENDORS, RobotVendor } from '../robot-vendor';

export const MAX_ROBOTS_PER_SCOPE = 5;

/** One group robot as an admin enters it; the units route takes a list of these as `robots`. */
export class RobotInputDto {
  @ApiProperty({
    enum: ROBOT_VENDORS,
    description: 'dingtalk 钉钉 | wecom 企业微信 | feishu 飞书 | generic 通用 Webhook',
  })
  @IsIn(ROBOT_VENDORS, { message: '机器人类型应为 dingtalk、wecom、feishu 或 generic' })
  vendor: RobotVendor;

  @ApiProperty({ description: '群机器人的 Webhook 地址，从群机器人设置中复制' })
  @IsString()
  @MaxLength(1000)
  url: string;

  @ApiPropertyOptional({
    nullable: true,
    description:
      '签名密钥（钉钉"加签"、飞书"签名校验"、通用 Webhook 的签名密钥）。不传则保留同一地址已保存的密钥；传 null 或空字符串则清除',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  secret?: string | null;
}

export class SetRobotsDto {
  @ApiProperty({ type: [RobotInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_ROBOTS_PER_SCOPE)
  @ValidateNested({ each: true })
  @Type(() => RobotInputDto)
  robots: RobotInputDto[];
}

export class RobotView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, description: '所属责任单位；null 为领导班子群' }) unitId: string | null;
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

export class RobotTestResult {
  @ApiProperty({ description: '机器人是否接受了测试消息' }) ok: boolean;
  @ApiProperty({ enum: ROBOT_VENDORS }) vendor: RobotVendor;
  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    nullable: true,
    description: '机器人接口返回的错误码（钉钉、企业微信 errcode，飞书 code）或 HTTP 状态',
  })
  code: number | string | null;
  @ApiProperty({ description: '结果说明：成功，或出错原因与处理办法' }) message: string;
  @ApiProperty({ type: String, nullable: true, description: '机器人接口的原始提示' })
  vendorMessage: string | null;
}
