import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { JobProducer } from './job-producer';
import { JobRegistry } from './job-registry';
import { QueueName } from './jobs';
import { queueConnectionOptions } from '../runtime/redis-connection';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => ({
        connection: queueConnectionOptions(runtime.redisUrl),
        prefix: runtime.config.QUEUE_PREFIX,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: false,
        },
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [JobProducer, JobRegistry],
  exports: [BullModule, JobProducer, JobRegistry],
})
export class QueueModule {}
