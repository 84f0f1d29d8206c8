import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';

const INDICATORS: { type: 'object'; additionalProperties: SchemaObject; example: object } = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
    required: ['status'],
  },
  example: { database: { status: 'up' }, redis: { status: 'up' } },
};

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' }) status: string;
  @ApiPropertyOptional({ ...INDICATORS, description: '可用的依赖' }) info?: object;
  @ApiPropertyOptional({ ...INDICATORS, description: '不可用的依赖' }) error?: object;
  @ApiProperty({ ...INDICATORS, description: '各依赖的状态' }) details: object;
}
