import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from './auth-user';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { Unit } from './unit.entity';
import { UnitRepository } from './unit.repository';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitRepository) {}

  /** Active units with their keywords, for the parser's unit suggestions. */
  async listKeywords(organizationId: string): Promise<{ name: string; keywords: string[] }[]> {
    const units = await this.units.listActive(organizationId);
    return units.map((unit) => ({ name: unit.name, keywords: unit.keywords }));
  }

  findByName(organizationId: string, name: string): Promise<Unit | null> {
    return this.units.findByName(organizationId, name);
  }

  list(caller: AuthUser): Promise<Unit[]> {
    return this.units.listByOrganization(caller.organizationId);
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

  async update(caller: AuthUser, id: string, dto: UpdateUnitDto): Promise<Unit> {
    const unit = await this.findOwn(caller, id);
    // Only the fields sent: a DTO instance carries every declared field, the missing ones as undefined.
    Object.assign(unit, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
    return this.saveUnique(unit);
  }

  async deactivate(caller: AuthUser, id: string): Promise<Unit> {
    const unit = await this.findOwn(caller, id);
    unit.active = false;
    return this.units.save(unit);
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
