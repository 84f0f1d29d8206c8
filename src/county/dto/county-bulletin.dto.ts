import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class IssueBulletinQuery {
  @ApiProperty({ example: '2025-06', description: '通报的月份 YYYY-MM（不能晚于本月）' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month 必须是 YYYY-MM 格式的月份' })
  month: string;
}

export class BulletinLineDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() rank: number;
  @ApiProperty() planned: number;
  @ApiProperty() completed: number;
  @ApiProperty() onTime: number;
  @ApiProperty() overdue: number;
  @ApiProperty() yellow: number;
  @ApiProperty({ description: '完成率（%）' }) rate: number;
}

export class BulletinDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '发出通报的单位（县、市）' }) organizationId: string;
  @ApiProperty({ example: '2025-06' }) month: string;
  @ApiProperty({ example: '关于2025年6月法治政府建设整改工作进展情况的通报' }) title: string;
  @ApiProperty({ example: '2025-06-30', description: '数字截至的日期' }) asOf: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    type: [BulletinLineDto],
    description: '各单位的数字与排名；乡镇用户只看到本单位的一行',
  })
  lines: BulletinLineDto[];
  @ApiProperty({ description: '本次请求是否新生成（同月再次生成返回已有的通报，为 false）' })
  created: boolean;
}

export class BulletinListDto {
  @ApiProperty({ type: [BulletinDto] }) items: BulletinDto[];
}
