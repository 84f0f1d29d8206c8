import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { CreateOrganizationDto, FirstAdminDto } from './dto/organization.dto';
import { OrganizationScopeService } from './org-scope';
import { Organization } from './organization.entity';
import { OrganizationRepository } from './organization.repository';
import { UsernameProbeLimiter } from './username-probe-limiter';
import { toUserView, User, UserView } from './user.entity';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly scope: OrganizationScopeService,
    private readonly users: UsersService,
    private readonly userRows: UserRepository,
    private readonly probes: UsernameProbeLimiter,
  ) {}

  async listVisible(caller: AuthUser): Promise<Organization[]> {
    return this.organizations.findByIds(await this.scope.visibleOrganizationIds(caller));
  }

  /** A child organization under the caller's own, created together with its first administrator. */
  async createChild(
    caller: AuthUser,
    dto: CreateOrganizationDto,
  ): Promise<{ organization: Organization; admin: UserView }> {
    return this.probes.guard(caller, dto.admin.username, async () => {
      const created = await this.createWithAdministrator(
        { name: dto.name, parentId: caller.organizationId },
        dto.admin,
      );
      return { organization: created.organization, admin: toUserView(created.admin) };
    });
  }

  /**
   * An organization and its first administrator, both or neither: an organization nobody can administer is never
   * left behind. The county's new township and the first start's default organization are made this way.
   */
  createWithAdministrator(
    organization: { name: string; parentId: string | null },
    admin: FirstAdminDto,
  ): Promise<{ organization: Organization; admin: User }> {
    return this.userRows.manager.transaction(async (manager) => {
      const created = await this.organizations.insert(organization, manager);
      const user = await this.users.insert(created.id, { ...admin, role: 'admin' }, manager);
      return { organization: created, admin: user };
    });
  }
}
