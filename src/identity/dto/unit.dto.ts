import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { MAX_ROBOTS_PER_SCOPE, UnitRobotInputDto, UnitRobotView } from './unit-robots.dto';

// Each lists its rules as stacked decorators register, bottom up, so a value breaking several rules gets its
// messages in the order it always did.

/** A unit's name, as created and as renamed. */
const UnitName = () => applyDecorators(MaxLength(100), MinLength(1), IsString());

/** Optional keywords, as created and as changed: up to 100 of at most 50 characters each. */
const UnitKeywords = () =>
  applyDecorators(
    MaxLength(50, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(100),
    IsArray(),
    IsOptional(),
  );

export class CreateUnitDto {
  @ApiProperty({ description: '责任单位名称，如 司法所' }) @UnitName() name: string;

  @ApiPropertyOptional({ type: [String], description: '用于解析时推荐责任单位的关键词' })
  @UnitKeywords()
  keywords?: string[];
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @UnitName() name?: string;
  @ApiPropertyOptional({ type: [String] }) @UnitKeywords() keywords?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: [UnitRobotInputDto],
    description:
      '该责任单位的群机器人（钉钉、企业微信、飞书或通用 Webhook），整体替换；同一地址不传 secret 则保留已保存的密钥。仅管理员',
  })
  @IsOptional()
  @IsArray({ message: 'robots 应为机器人列表' })
  @ArrayMaxSize(MAX_ROBOTS_PER_SCOPE, { message: `每个责任单位最多配置 ${MAX_ROBOTS_PER_SCOPE} 个机器人` })
  @ValidateNested({ each: true })
  @Type(() => UnitRobotInputDto)
  robots?: UnitRobotInputDto[];
}

/** A unit as the units routes answer; `robots` only for administrators, and never a secret. */
export class UnitView {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({
    type: [UnitRobotView],
    description: '群机器人（仅管理员可见；密钥从不返回，见 hasSecret）',
  })
  robots?: UnitRobotView[];
}
