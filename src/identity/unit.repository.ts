import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Unit } from './unit.entity';

/** Every statement identity runs on `units`. */
@Injectable()
export class UnitRepository {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  listActive(organizationId: string): Promise<Unit[]> {
    return this.units.find({ where: { organizationId, active: true }, order: { name: 'ASC' } });
  }

  listByOrganization(organizationId: string): Promise<Unit[]> {
    return this.units.find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /** Names only, deactivated units included (flagged) so old tasks still name them. */
  directory(organizationId: string): Promise<Array<Pick<Unit, 'id' | 'name' | 'active'>>> {
    return this.units.find({
      where: { organizationId },
      select: { id: true, name: true, active: true },
      order: { active: 'DESC', name: 'ASC' },
    });
  }

  findByName(organizationId: string, name: string): Promise<Unit | null> {
    return this.units.findOneBy({ organizationId, name });
  }

  findInOrganization(organizationId: string, id: string): Promise<Unit | null> {
    return this.units.findOneBy({ id, organizationId });
  }

  existsInOrganization(organizationId: string, id: string): Promise<boolean> {
    return this.units.existsBy({ id, organizationId });
  }

  create(fields: Pick<Unit, 'organizationId' | 'name' | 'keywords'>): Unit {
    return this.units.create(fields);
  }

  save(unit: Unit): Promise<Unit> {
    return this.units.save(unit);
  }
}
