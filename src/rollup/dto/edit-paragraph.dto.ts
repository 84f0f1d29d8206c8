import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class EditParagraphDto {
  @ApiProperty({ description: '修改后的段落文字' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text: string;
}
