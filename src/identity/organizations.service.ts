import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from './auth-user';
import { CreateOrganizationDto } from './dto/organization.dto';
import { OrganizationScopeService } from './org-scope';
import { Organization } from './organization.entity';
import { toUserView, UserView } from './user.entity';
import { UsersService } from './users.service';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly dataSource: DataSource,
    private readonly scope: OrganizationScopeService,
    private readonly users: UsersService,
  ) {}

  async listVisible(caller: AuthUser): Promise<Organization[]> {
    const ids = await this.scope.visibleOrganizationIds(caller);
    return this.organizations.find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  /** A child organization under the caller's own, created together with its first administrator. */
  async createChild(
    caller: AuthUser,
    dto: CreateOrganizationDto,
  ): Promise<{ organization: Organization; admin: UserView }> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.save(
        manager.create(Organization, { name: dto.name, parentId: caller.organizationId }),
      );
      const admin = await this.users.insert(organization.id, { ...dto.admin, role: 'admin' }, manager);
      return { organization, admin: toUserView(admin) };
    });
  }
}
