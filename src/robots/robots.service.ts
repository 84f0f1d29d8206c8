import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { UnitRepository } from '../identity/unit.repository';
import { UnitRobotsLink, UnitRobotsPort } from '../identity/unit-robots.link';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { RobotInputDto, RobotTestResult, RobotView } from './dto/robot.dto';
import { testMessage } from './robot-batch';
import { RobotDispatcher } from './robot-dispatcher';
import { rateLimitKey, RobotKeyring } from './robot-keyring';
import { RobotRateLimiter } from './robot-rate-limiter';
import { RobotAudience } from './robot-reminder';
import { RobotSender } from './robot-sender';
import { robotSecretProblem, robotUrlProblem } from './robot-url';
import { RobotTarget, VENDOR_LABELS } from './robot-vendor';
import { SecretUnreadableError } from './secret-cipher';
import { UnitRobot } from './unit-robot.entity';
import { UnitRobotsRepository } from './unit-robots.repository';

const LEADERS_SCOPE = '领导班子';

/**
 * Configuring a unit's group robots (unitId null: the leaders' group) and testing them. Connects itself to the
 * units routes (`PATCH /units/:id {robots}`, robots in `GET /units`) through UnitRobotsLink.
 */
@Injectable()
export class RobotsService implements UnitRobotsPort {
  constructor(
    private readonly dataSource: DataSource,
    private readonly robots: UnitRobotsRepository,
    private readonly units: UnitRepository,
    private readonly keyring: RobotKeyring,
    private readonly limiter: RobotRateLimiter,
    private readonly sender: RobotSender,
    private readonly dispatcher: RobotDispatcher,
    private readonly calendar: OrganizationCalendar,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    link: UnitRobotsLink,
  ) {
    link.connect(this);
  }

  async robotsByUnit(caller: AuthUser): Promise<Map<string | null, RobotView[]>> {
    assertCan(caller, 'robot.manage');
    const byUnit = new Map<string | null, RobotView[]>();
    for (const robot of await this.robots.findOrganization(caller.organizationId))
      byUnit.set(robot.unitId, [...(byUnit.get(robot.unitId) ?? []), this.view(robot)]);
    return byUnit;
  }

  replaceRobots(caller: AuthUser, unitId: string, robots: RobotInputDto[]): Promise<RobotView[]> {
    return this.setRobots(caller, unitId, robots);
  }

  async listRobots(caller: AuthUser, unitId: string | null): Promise<RobotView[]> {
    assertCan(caller, 'robot.manage');
    await this.scopeName(caller, unitId);
    return (await this.robots.findScope(caller.organizationId, unitId)).map((robot) => this.view(robot));
  }

  /**
   * Replaces the scope's robots with `inputs`, in order. A robot whose vendor and URL were already configured keeps
   * its id, its queued messages and, unless `secret` is given, its secret; robots left out are removed and their
   * waiting messages fail.
   */
  async setRobots(caller: AuthUser, unitId: string | null, inputs: RobotInputDto[]): Promise<RobotView[]> {
    assertCan(caller, 'robot.manage');
    await this.scopeName(caller, unitId);
    const robots = inputs.map((input, index) => this.checked(input, index));
    if (new Set(robots.map((robot) => `${robot.vendor} ${robot.url}`)).size !== robots.length)
      throw new InvalidInputError('DUPLICATE_ROBOT', '同一个机器人地址不能重复添加');
    const saved = await this.dataSource.transaction(async (manager) => {
      const organizationId = caller.organizationId;
      await this.robots.lockScope(manager, organizationId, unitId);
      const existing = (await this.robots.findScope(organizationId, unitId, manager)).map((robot) => ({
        robot,
        url: this.readableUrl(robot),
      }));
      const rows = robots.map((input, position) => {
        const match = existing.find((e) => e.robot.vendor === input.vendor && e.url === input.url)?.robot;
        const id = match?.id ?? randomUUID();
        const secretSealed =
          input.secret === undefined
            ? (match?.secretSealed ?? null)
            : input.secret
              ? this.keyring.sealSecret(id, input.secret)
              : null;
        return this.robots.create({
          id,
          organizationId,
          unitId,
          position,
          vendor: input.vendor,
          urlSealed: match?.urlSealed ?? this.keyring.sealUrl(id, input.url),
          secretSealed,
        });
      });
      const removed = await this.robots.replaceScope(manager, organizationId, unitId, rows);
      await this.dispatcher.abandon(manager, removed);
      return rows;
    });
    return saved.map((robot) => this.view(robot));
  }

  /** 发送测试消息: sends at once (within the robot's rate limit) and reports the vendor's answer in Chinese. */
  async testRobot(caller: AuthUser, robotId: string): Promise<RobotTestResult> {
    assertCan(caller, 'robot.manage');
    const robot = await this.robots.findOwned(caller.organizationId, robotId);
    if (!robot) throw new NotFoundError('机器人', 'ROBOT_NOT_FOUND');
    const target = this.openTarget(robot);
    const wait = await this.limiter.acquire(rateLimitKey(target.url));
    if (wait > 0)
      throw new DomainError(
        'ROBOT_RATE_LIMITED',
        `该机器人发送过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    const scope = await this.scopeName(caller, robot.unitId);
    const answer = await this.sender.send(target, testMessage(scope, this.now()), `test-${randomUUID()}`);
    if (!answer.ok && answer.kind === 'too_fast')
      await this.limiter.block(
        rateLimitKey(target.url),
        answer.retryAfterMs ?? this.runtime.config.ROBOT_RATE_WINDOW_MS,
      );
    return {
      ok: answer.ok,
      vendor: robot.vendor,
      code: answer.code,
      message: answer.ok
        ? `${VENDOR_LABELS[robot.vendor]}机器人已收到测试消息，请到群里查看`
        : answer.explanation,
      vendorMessage: answer.ok ? null : answer.vendorMessage,
    };
  }

  /** The robots a notification for a task of `unitId` goes to (see robotAudienceOf), for the delivery path. */
  robotIdsFor(organizationId: string, unitId: string | null, audience: RobotAudience): Promise<string[]> {
    return this.robots.findIdsFor(organizationId, audience.unitRobots ? unitId : null, audience.leaderRobots);
  }

  /** The organizations among these that have configured any robot. */
  async organizationsWithRobots(organizationIds: string[]): Promise<Set<string>> {
    return new Set(await this.robots.findOrganizationsWithRobots([...new Set(organizationIds)]));
  }

  /** The unit's name (404 outside the caller's organization), or 领导班子 for the leaders' group. */
  private async scopeName(caller: AuthUser, unitId: string | null): Promise<string> {
    if (unitId === null) return LEADERS_SCOPE;
    const unit = await this.units.findInOrganization(caller.organizationId, unitId);
    if (!unit) throw new NotFoundError('责任单位');
    return unit.name;
  }

  private checked(input: RobotInputDto, index: number): RobotInputDto {
    const url = input.url.trim();
    const secret = typeof input.secret === 'string' ? input.secret.trim() || null : input.secret;
    const policy = {
      allowAnyHost: this.runtime.config.ROBOT_ALLOW_ANY_HOST,
      allowLoopbackHttp: this.runtime.config.NODE_ENV !== 'production',
    };
    const urlProblem = robotUrlProblem(input.vendor, url, policy);
    if (urlProblem)
      throw new InvalidInputError('INVALID_ROBOT_URL', `第 ${index + 1} 个机器人：${urlProblem}`);
    const secretProblem = robotSecretProblem(input.vendor, secret ?? null);
    if (secretProblem)
      throw new InvalidInputError('INVALID_ROBOT_SECRET', `第 ${index + 1} 个机器人：${secretProblem}`);
    return { vendor: input.vendor, url, ...(secret === undefined ? {} : { secret }) };
  }

  private openTarget(robot: UnitRobot): RobotTarget {
    try {
      return this.keyring.open(robot);
    } catch (error) {
      if (error instanceof SecretUnreadableError)
        throw new DomainError('ROBOT_SECRET_UNREADABLE', error.message, HttpStatus.CONFLICT);
      throw error;
    }
  }

  private readableUrl(robot: UnitRobot): string | null {
    try {
      return this.keyring.openUrl(robot);
    } catch (error) {
      if (error instanceof SecretUnreadableError) return null;
      throw error;
    }
  }

  private view(robot: UnitRobot): RobotView {
    return {
      id: robot.id,
      unitId: robot.unitId,
      vendor: robot.vendor,
      vendorLabel: VENDOR_LABELS[robot.vendor],
      url: this.readableUrl(robot),
      hasSecret: robot.secretSealed !== null,
      position: robot.position,
    };
  }

  private now(): string {
    const parts = new Intl.DateTimeFormat('zh-CN', {
      timeZone: this.calendar.timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).formatToParts(new Date());
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}年${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
  }
}
