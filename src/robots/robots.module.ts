import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '../identity/identity.module';
import { RobotDispatcher } from './robot-dispatcher';
import { RobotKeyring } from './robot-keyring';
import { RobotMessagesRepository } from './robot-messages.repository';
import { RobotRateLimiter } from './robot-rate-limiter';
import { RobotSender } from './robot-sender';
import { RobotsController } from './robots.controller';
import { RobotsService } from './robots.service';
import { RobotsWorker } from './robots.worker';
import { UnitRobot } from './unit-robot.entity';
import { UnitRobotsRepository } from './unit-robots.repository';

/** Robot configuration and the dispatcher, for the routes (api) and the delivery path (worker) alike. */
@Module({
  imports: [TypeOrmModule.forFeature([UnitRobot]), IdentityCoreModule],
  providers: [
    UnitRobotsRepository,
    RobotMessagesRepository,
    RobotKeyring,
    RobotRateLimiter,
    RobotSender,
    RobotsService,
    RobotDispatcher,
  ],
  exports: [RobotsService, RobotDispatcher],
})
export class RobotsCoreModule {}

/** The 发送测试消息 route (api and all modes). */
@Module({ imports: [RobotsCoreModule], controllers: [RobotsController] })
export class RobotsModule {}

/** Worker mode: sends the queued robot messages (`robots.flush`). */
@Module({ imports: [RobotsCoreModule], providers: [RobotsWorker] })
export class RobotsWorkerModule {}
