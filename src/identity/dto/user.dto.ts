import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsOptionalMainlandMobile } from '../../common/mobile';
import { Role, ROLES } from '../auth-user';

const PHONE_DESCRIPTION =
  '手机号：11 位中国大陆手机号（可带空格、短横线或 +86，保存为 11 位数字），群机器人据此 @ 提醒本人；null 清除。仅管理员和领导可见';

export class CreateUserDto {
  @ApiProperty({ description: '登录名（字母、数字、点、下划线、连字符，2–64 位）' })
  @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { message: '用户名只能包含字母、数字、点、下划线和连字符（2–64 位）' })
  username: string;

  @ApiProperty({
    description:
      '初始密码：至少 8 位，不能是常见密码、连续或重复的字符，也不能只是用户名或姓名（否则 400 WEAK_PASSWORD）',
  })
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiProperty({ description: '显示名称' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: '所属责任单位编号' })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: PHONE_DESCRIPTION })
  @IsOptionalMainlandMobile()
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: PHONE_DESCRIPTION })
  @IsOptionalMainlandMobile()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: '管理员重置密码（规则同新建用户）；重置后该用户的所有登录随即失效' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  password?: string;
}
