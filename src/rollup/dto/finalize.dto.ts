import { ApiProperty } from '@nestjs/swagger';

export class FinalizedReportDto {
  @ApiProperty({ description: '定稿后存为本单位该年度报告的编号，可在导入审核页面确认其问题和计划' })
  reportId: string;
  @ApiProperty({ description: '与此前定稿的内容完全相同时为 true，返回当时的报告' })
  duplicate: boolean;
  @ApiProperty({ description: '未填写而未写入定稿的【待补充】段落数' })
  omittedPlaceholders: number;
}
