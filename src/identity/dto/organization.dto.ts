import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class FirstAdminDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { message: '用户名只能包含字母、数字、点、下划线和连字符（2–64 位）' })
  username: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ description: '下级单位名称' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: FirstAdminDto, description: '下级单位的首个管理员' })
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin: FirstAdminDto;
}
