import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/roles.decorator';
import { PERMISSIONS } from '../identity/permissions';
import { SweepQuery } from './dto/sweep-query.dto';
import { ReminderSweepService } from './reminder-sweep.service';

@ApiTags('提醒')
@ApiBearerAuth()
@Controller('admin/reminders')
export class RemindersController {
  constructor(private readonly sweeps: ReminderSweepService) {}

  @Post('sweep')
  @HttpCode(200)
  @Roles(...PERMISSIONS['reminder.sweep'].roles)
  @ApiOperation({ summary: '立即执行到期提醒扫描（asOf 视为今天），返回新生成的提醒数 enqueued' })
  sweep(@Query() query: SweepQuery) {
    return this.sweeps.sweep(query.asOf ?? 'today');
  }
}
