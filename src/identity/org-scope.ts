import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-error';
import type { AuthUser } from './auth-user';
import { OrganizationRepository } from './organization.repository';

/** Reads reach the caller's organization and its descendants (a county sees its townships); writes stay in the own one. */
@Injectable()
export class OrganizationScopeService {
  constructor(private readonly organizations: OrganizationRepository) {}

  visibleOrganizationIds(user: Pick<AuthUser, 'organizationId'>): Promise<string[]> {
    return this.organizations.subtreeIds(user.organizationId);
  }

  /** The organization a read names when it is the caller's or one below it; 404 otherwise, as for any foreign id. */
  async readableOrganizationId(user: Pick<AuthUser, 'organizationId'>, requested?: string): Promise<string> {
    if (!requested || requested === user.organizationId) return user.organizationId;
    if (!(await this.visibleOrganizationIds(user)).includes(requested))
      throw new NotFoundError('单位', 'ORGANIZATION_NOT_FOUND');
    return requested;
  }
}
