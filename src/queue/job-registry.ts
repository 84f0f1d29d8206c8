import { Injectable } from '@nestjs/common';
import { JOB_QUEUE, JobHandler, JobName } from './jobs';

/** Feature modules register the handler for each job they own; queue processors dispatch through it. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`任务 ${name} 的处理器重复注册`);
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  handlerFor(name: string): JobHandler<JobName> {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new Error(`任务 ${name} 没有处理器`);
    return handler;
  }

  /** Called once workers are wired: a job name without a handler is a programming error, caught at boot. */
  assertComplete(): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`以下任务没有处理器：${missing.join(', ')}`);
  }
}
