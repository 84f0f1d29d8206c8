import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import type { UnitRobotInputDto, UnitRobotView } from './dto/unit-robots.dto';

/** What the robots feature offers the unit routes: identity cannot import it, so it connects itself here. */
export interface UnitRobotsPort {
  /** Every robot of the caller's organization by unit id (null: the leaders' group). */
  robotsByUnit(caller: AuthUser): Promise<Map<string | null, UnitRobotView[]>>;
  /** Makes the unit's robots exactly `robots` (validated, secrets sealed); returns them as shown. */
  replaceRobots(caller: AuthUser, unitId: string, robots: UnitRobotInputDto[]): Promise<UnitRobotView[]>;
}

/**
 * The meeting point of `PATCH /units/:id {robots}` (identity) and the robots feature, which calls connect() when it
 * is built. Processes without the robots feature (none serve HTTP today) answer the units routes without robots.
 */
@Injectable()
export class UnitRobotsLink {
  private port: UnitRobotsPort | undefined;

  connect(port: UnitRobotsPort): void {
    this.port = port;
  }

  get connected(): UnitRobotsPort | undefined {
    return this.port;
  }
}
