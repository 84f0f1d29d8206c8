import { IsOptional, IsString } from 'class-validator';

export class SweepQuery {
  /** YYYY-MM-DD in TIME_ZONE; defaults to today. Checked by the service so a bad date answers INVALID_DATE. */
  @IsOptional()
  @IsString()
  asOf?: string;
}
