import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from './auth-user';
import { CreateUnitDto, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { can } from './permissions';
import { UnitRobotsLink } from './unit-robots.link';
import { Unit } from './unit.entity';
import { UnitRepository } from './unit.repository';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitRepository,
    private readonly robotsLink: UnitRobotsLink,
  ) {}

  /** Active units with their keywords, for the parser's unit suggestions. */
  async listKeywords(organizationId: string): Promise<{ name: string; keywords: string[] }[]> {
    const units = await this.units.listActive(organizationId);
    return units.map((unit) => ({ name: unit.name, keywords: unit.keywords }));
  }

  findByName(organizationId: string, name: string): Promise<Unit | null> {
    return this.units.findByName(organizationId, name);
  }

  /** Administrators also see each unit's robots (never their secrets). */
  async list(caller: AuthUser): Promise<UnitView[]> {
    const units = await this.units.listByOrganization(caller.organizationId);
    const robots = this.robotsFor(caller);
    if (!robots) return units;
    const byUnit = await robots.robotsByUnit(caller);
    return units.map((unit) => ({ ...unit, robots: byUnit.get(unit.id) ?? [] }));
  }

  async create(caller: AuthUser, dto: CreateUnitDto): Promise<Unit> {
    return this.saveUnique(
      this.units.create({
        organizationId: caller.organizationId,
        name: dto.name,
        keywords: dto.keywords ?? [],
      }),
    );
  }

  /** Name, keywords, active and, with `robots`, the unit's group robots (replaced as a whole). */
  async update(caller: AuthUser, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    const unit = await this.findOwn(caller, id);
    const { robots: robotInputs, ...given } = dto;
    // DTO instances carry every declared field, undefined when absent: only the given ones change the unit.
    const fields = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    const robots = this.robotsFor(caller);
    if (robotInputs !== undefined && !robots) throw new Error('本进程未加载群机器人功能');
    const configured =
      robotInputs === undefined ? undefined : await robots?.replaceRobots(caller, id, robotInputs);
    Object.assign(unit, fields);
    const saved = Object.keys(fields).length ? await this.saveUnique(unit) : unit;
    if (!robots) return saved;
    return { ...saved, robots: configured ?? (await robots.robotsByUnit(caller)).get(id) ?? [] };
  }

  async deactivate(caller: AuthUser, id: string): Promise<Unit> {
    const unit = await this.findOwn(caller, id);
    unit.active = false;
    return this.units.save(unit);
  }

  private robotsFor(caller: AuthUser) {
    return can(caller, 'robot.manage') ? this.robotsLink.connected : undefined;
  }

  private async findOwn(caller: AuthUser, id: string): Promise<Unit> {
    const unit = await this.units.findInOrganization(caller.organizationId, id);
    if (!unit) throw new NotFoundError('责任单位');
    return unit;
  }

  private async saveUnique(unit: Unit): Promise<Unit> {
    try {
      return await this.units.save(unit);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictError('UNIT_NAME_TAKEN', `责任单位“${unit.name}”已存在`);
      throw error;
    }
  }
}
