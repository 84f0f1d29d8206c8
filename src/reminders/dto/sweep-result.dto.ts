import { ApiProperty } from '@nestjs/swagger';

export class SweepResultDto {
  @ApiProperty({ format: 'date', example: '2025-06-30', description: '视为今天的日期' }) asOf: string;
  @ApiProperty({ example: 3, description: '已进入队列的单位数' }) enqueued: number;
  @ApiProperty({ example: 0, description: '队列不可用时已登记、待恢复后自动入队的单位数' }) pending: number;
}
