import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class VocabularyEntryDto {
  @ApiProperty({ example: 'in_progress' }) key: string;
  @ApiProperty({ example: '办理中' }) label: string;
  @ApiPropertyOptional({ example: '绿', description: '颜色名（仅 lights）' }) color?: string;
}

export class VocabularyDto {
  @ApiProperty({ type: [VocabularyEntryDto], description: '任务状态' }) statuses: VocabularyEntryDto[];
  @ApiProperty({ type: [VocabularyEntryDto], description: '事项类型' }) itemTypes: VocabularyEntryDto[];
  @ApiProperty({ type: [VocabularyEntryDto], description: '红黄绿灯（含颜色名）' })
  lights: VocabularyEntryDto[];
  @ApiProperty({ type: [VocabularyEntryDto], description: '任务操作（与 allowedActions 对应）' })
  taskActions: VocabularyEntryDto[];
  @ApiProperty({ type: [VocabularyEntryDto], description: '办理记录动作' })
  historyActions: VocabularyEntryDto[];
  @ApiProperty({ type: [VocabularyEntryDto], description: '报告条目类别' })
  reportItemKinds: VocabularyEntryDto[];
  @ApiProperty({ type: [VocabularyEntryDto], description: '角色' }) roles: VocabularyEntryDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { 'task.review': ['admin', 'leader'] },
    description: '权限表：操作 → 可执行的角色',
  })
  permissions: Record<string, string[]>;
  @ApiProperty({
    type: [VocabularyEntryDto],
    description: '群机器人平台（钉钉、企业微信、飞书、通用 Webhook）',
  })
  robotVendors: VocabularyEntryDto[];
  @ApiProperty({
    type: [VocabularyEntryDto],
    description: '打印整改台账的各列（key 为 GET /tasks/ledger 各项的字段）',
  })
  ledgerColumns: VocabularyEntryDto[];
}

export class MetaDto {
  @ApiProperty({ example: 'Rectify' }) name: string;
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ description: '是否为演示模式' }) demo: boolean;
  @ApiProperty({ example: 'Asia/Shanghai', description: '日期按此时区计算' }) timeZone: string;
  @ApiProperty({ type: VocabularyDto }) vocabulary: VocabularyDto;
}
