import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import {
  MAX_ROBOTS_PER_SCOPE,
  ROBOT_VENDORS,
  RobotVendor,
  UnitRobotInputDto as RobotInputDto,
  UnitRobotView as RobotView,
} from '../../identity/dto/unit-robots.dto';

export { MAX_ROBOTS_PER_SCOPE, RobotInputDto, RobotView };

export class SetRobotsDto {
  @ApiProperty({ type: [RobotInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_ROBOTS_PER_SCOPE, { message: `每个群最多配置 ${MAX_ROBOTS_PER_SCOPE} 个机器人` })
  @ValidateNested({ each: true })
  @Type(() => RobotInputDto)
  robots: RobotInputDto[];
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
