import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { OrganizationRepository } from './organization.repository';

/** Reads reach the caller's organization and its descendants (a county sees its townships); writes stay in the own one. */
@Injectable()
export class OrganizationScopeService {
  constructor(private readonly organizations: OrganizationRepository) {}

  visibleOrganizationIds(user: Pick<AuthUser, 'organizationId'>): Promise<string[]> {
    return this.organizations.subtreeIds(user.organizationId);
  }
}
