import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { CreateOrganizationDto } from './dto/organization.dto';
import { OrganizationScopeService } from './org-scope';
import { Organization } from './organization.entity';
import { OrganizationRepository } from './organization.repository';
import { UsernameProbeLimiter } from './username-probe-limiter';
import { toUserView, UserView } from './user.entity';
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
    return this.probes.guard(caller, dto.admin.username, () =>
      this.userRows.manager.transaction(async (manager) => {
        const organization = await this.organizations.insert(
          { name: dto.name, parentId: caller.organizationId },
          manager,
        );
        const admin = await this.users.insert(organization.id, { ...dto.admin, role: 'admin' }, manager);
        return { organization, admin: toUserView(admin) };
      }),
    );
  }
}
