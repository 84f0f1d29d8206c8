import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '../auth-user';

const UUID_EXAMPLE = '3f97e7ed-0a73-4af4-bd25-87467351562e';

/** A user as every route shows one: never a password hash. */
export class UserViewDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '所属责任单位' }) unitId:
    string | null;
  @ApiProperty({ example: 'zhangsan' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', description: '角色：管理员、领导、工作人员、查看者' })
  role: Role;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '13800138000',
    description: '手机号，群机器人据此 @ 本人',
  })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'zhangsan@example.gov.cn' }) email: string | null;
  @ApiProperty({ description: 'false 为已停用' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TokenPairDto {
  @ApiProperty({ description: '访问令牌（JWT），放在 Authorization: Bearer 头中' }) accessToken: string;
  @ApiProperty({ description: '刷新令牌，用于 POST /auth/refresh，只能使用一次' }) refreshToken: string;
  @ApiProperty({ description: '访问令牌的有效秒数', example: 900 }) expiresIn: number;
}

export class LoginResultDto extends TokenPairDto {
  @ApiProperty({ type: UserViewDto }) user: UserViewDto;
}

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '司法所' }) name: string;
  @ApiProperty({ type: [String], example: ['司法', '法律援助'], description: '解析报告时据此推荐责任单位' })
  keywords: string[];
  @ApiProperty({ description: 'false 为已停用' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '鲁山县张良镇人民政府' }) name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '上级单位；null 为最上级' })
  parentId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '新建时保存的设置（刚建成时为空）；读取请用 GET /organizations/current/settings',
  })
  settings?: Record<string, unknown>;
}

export class CreatedOrganizationDto {
  @ApiProperty({ type: OrganizationDto }) organization: OrganizationDto;
  @ApiProperty({ type: UserViewDto, description: '下级单位的首个管理员' }) admin: UserViewDto;
}

export class OrganizationSettingsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '县委全面依法治县委员会办公室',
    description: '年度报告的主送机关；null 为未设置（草稿使用默认写法）',
  })
  reportAddressee: string | null;
  @ApiProperty({ example: '12-31', description: '默认完成时限（MM-DD）' }) defaultDeadline: string;
  @ApiProperty({ description: '申请销号时是否必须上传佐证材料' }) requireEvidenceForReview: boolean;
}

export class DirectoryPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty() active: boolean;
}

export class DirectoryUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '司法所' }) name: string;
  @ApiProperty() active: boolean;
}

export class DirectoryDto {
  @ApiProperty({ type: [DirectoryPersonDto] }) users: DirectoryPersonDto[];
  @ApiProperty({ type: [DirectoryUnitDto] }) units: DirectoryUnitDto[];
}
