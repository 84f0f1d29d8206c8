import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-error';
import type { AuthUser } from './auth-user';
import { UpdateOrganizationSettingsDto } from './dto/organization-settings.dto';
import { OrganizationSettings, resolveOrganizationSettings } from './organization-settings';
import { OrganizationRepository } from './organization.repository';
import { assertCan } from './permissions';

/** The caller's organization's settings: everyone reads them (screens adapt), administrators change them. */
@Injectable()
export class OrganizationSettingsService {
  constructor(private readonly organizations: OrganizationRepository) {}

  /** For features that need one organization's settings (the draft's 主送机关, import's default deadline). */
  async of(organizationId: string): Promise<OrganizationSettings> {
    const stored = await this.organizations.findSettings(organizationId);
    if (!stored) throw new NotFoundError('单位', 'ORGANIZATION_NOT_FOUND');
    return resolveOrganizationSettings(stored);
  }

  async update(caller: AuthUser, dto: UpdateOrganizationSettingsDto): Promise<OrganizationSettings> {
    assertCan(caller, 'organization.settings');
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (typeof changes.reportAddressee === 'string') {
      // The colon after the 主送机关 is the layout's, not part of the name.
      changes.reportAddressee = changes.reportAddressee.trim().replace(/[:：]+$/, '') || null;
    }
    await this.organizations.mergeSettings(caller.organizationId, changes);
    return this.of(caller.organizationId);
  }
}
