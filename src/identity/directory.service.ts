import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { OrganizationScopeService } from './org-scope';
import { UnitRepository } from './unit.repository';
import { DirectoryPerson, UserRepository } from './user.repository';

export interface Directory {
  users: DirectoryPerson[];
  units: Array<{ id: string; name: string; active: boolean }>;
}

/**
 * Who is who in the caller's organization, for every signed-in role: names, roles and units, nothing else (no
 * usernames, contact details or hashes). Deactivated people and units stay in it, flagged `active: false`, so
 * the history of old tasks can still name them; pickers offer only the active ones.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly scope: OrganizationScopeService,
  ) {}

  /** The caller's organization, or one below it (a county reading a township's ledger); 404 outside the subtree. */
  async of(caller: AuthUser, organizationId?: string): Promise<Directory> {
    const readable = await this.scope.readableOrganizationId(caller, organizationId);
    const [users, units] = await Promise.all([
      this.users.directory(readable),
      this.units.directory(readable),
    ]);
    return { users, units };
  }
}
