import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { ReminderSweepService } from './reminder-sweep.service';

/**
 * On start-up of an API process, today's sweep for organizations that have not had one (REMINDER_SWEEP_ON_START).
 * It does not hold up the start: the parts are recorded, and a worker queues any the request could not.
 */
@Injectable()
export class StartupSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReminderSweep');

  constructor(
    private readonly sweeps: ReminderSweepService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  onApplicationBootstrap(): void {
    if (this.runtime.config.REMINDER_SWEEP_ON_START) void this.run();
  }

  /** Also called after the demo seeds its township. */
  async run(): Promise<void> {
    try {
      const requested = await this.sweeps.catchUp();
      const parts = requested.enqueued + requested.pending;
      if (parts) this.logger.log(`启动补扫：${requested.asOf} 的提醒扫描已为 ${parts} 个单位登记`);
    } catch (error) {
      this.logger.warn({ err: error }, '启动补扫提醒失败，将在每日定时扫描时补上');
    }
  }
}
