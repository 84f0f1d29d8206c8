import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { resolveRobotKey } from './robot-secret-key';
import { RobotTarget, RobotVendor } from './robot-vendor';
import { SecretCipher } from './secret-cipher';
import { UnitRobot } from './unit-robot.entity';

/**
 * Seals and opens robot URLs and secrets. The key is resolved on first use, so a deployment that configures no
 * robot never needs one.
 */
@Injectable()
export class RobotKeyring {
  private cipher: SecretCipher | undefined;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  sealUrl(robotId: string, url: string): string {
    return this.getCipher().seal(url, `${robotId}:url`);
  }

  sealSecret(robotId: string, secret: string): string {
    return this.getCipher().seal(secret, `${robotId}:secret`);
  }

  openUrl(robot: Pick<UnitRobot, 'id' | 'urlSealed'>): string {
    return this.getCipher().open(robot.urlSealed, `${robot.id}:url`);
  }

  /** Throws SecretUnreadableError when the key is not the one the robot was sealed with. */
  open(robot: Pick<UnitRobot, 'id' | 'vendor' | 'urlSealed' | 'secretSealed'>): RobotTarget {
    return {
      vendor: robot.vendor as RobotVendor,
      url: this.openUrl(robot),
      secret: robot.secretSealed ? this.getCipher().open(robot.secretSealed, `${robot.id}:secret`) : null,
    };
  }

  private getCipher(): SecretCipher {
    this.cipher ??= new SecretCipher(resolveRobotKey(this.runtime.config));
    return this.cipher;
  }
}

/** The rate limit belongs to the group robot, not to our row: two units pasting the same webhook share one limit. */
export function rateLimitKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}
