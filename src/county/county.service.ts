import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ForbiddenError } from '../common/domain-error';
import { SerializedJson } from '../common/serialized-json';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { RevisionCache } from '../tasks/revision-cache';
import { rankOrganizations, SupervisedOrganization, sumTallies } from './county-overview';
import { CountyTalliesRepository } from './county-tallies.repository';
import { CountyOverviewDto, CountyOverviewQuery } from './dto/county-overview.dto';

/** 上级督导: what a county (or a city) sees of the organizations below it, from the maintained tallies. */
@Injectable()
export class CountyService implements OnApplicationBootstrap {
  /** Overviews per process, given back while no task below the organization has changed (and on the same day). */
  private readonly overviews = new RevisionCache<Promise<SerializedJson>>(1000);

  constructor(
    private readonly scope: OrganizationScopeService,
    private readonly tallies: CountyTalliesRepository,
    private readonly calendar: OrganizationCalendar,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** The triggers compute lights with the configured zone and margin; a change of either recounts once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.tallies.adoptSettings(
      this.calendar.timeZone,
      this.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT,
    );
  }

  /** The CountyOverviewDto, serialized once and sent as remembered while nothing below has changed. */
  async overview(user: AuthUser, query: CountyOverviewQuery): Promise<SerializedJson> {
    const organizationId = await this.scope.readableOrganizationId(user, query.organizationId);
    const today = this.calendar.today();
    const year = query.year ?? Number(today.slice(0, 4));
    // The revision is read before the tallies it guards, as the ledger's page cache does: what is read after
    // revision R is at least as new as R. The key holds the member list, so a new township is never served an
    // older answer.
    const { children, revision } = await this.tallies.childSubtreesWithRevision(organizationId);
    if (!children.length) throw noChildren();
    const memberIds = children.flatMap((child) => child.memberIds);
    const key = `${organizationId}\u0000${year}\u0000${today}\u0000${memberIds.join(',')}`;
    const remembered = this.overviews.get(key, revision);
    if (remembered) return remembered;
    const computed = this.tallies.tallies(memberIds, year, today).then(
      (tallies) =>
        new SerializedJson({
          organizationId,
          year,
          asOf: today,
          organizations: rankOrganizations(children, tallies, withChildren(children)),
          totals: sumTallies(tallies),
        } satisfies CountyOverviewDto),
    );
    // Remembered while it is computed, so requests arriving meanwhile wait for it instead of each counting again
    // (a city's first overview under load would otherwise be computed by every waiting connection at once).
    this.overviews.set(key, revision, computed);
    computed.catch(() => this.overviews.forget(key, computed));
    return computed;
  }

  /** Each child organization's numbers (its whole subtree) and rank on `asOf`, and the totals; 403 without children. */
  async standings(organizationId: string, year: number, asOf: string) {
    const { children } = await this.tallies.childSubtreesWithRevision(organizationId);
    if (!children.length) throw noChildren();
    const tallies = await this.tallies.tallies(
      children.flatMap((child) => child.memberIds),
      year,
      asOf,
    );
    const organizations = rankOrganizations(children, tallies, withChildren(children));
    return { children, organizations, totals: sumTallies(tallies) };
  }
}

export function noChildren() {
  return new ForbiddenError('本单位没有下级单位，不能查看督导总览', 'COUNTY_NO_CHILDREN');
}

/** A child whose subtree holds more than itself has organizations below it (a city's counties). */
function withChildren(children: SupervisedOrganization[]): Set<string> {
  return new Set(children.filter((child) => child.memberIds.length > 1).map((child) => child.id));
}
