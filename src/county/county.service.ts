import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { todayIn } from '../common/calendar';
import { ForbiddenError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { OrganizationRepository } from '../identity/organization.repository';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { rankOrganizations, SupervisedOrganization, sumTallies } from './county-overview';
import { CountyTalliesRepository } from './county-tallies.repository';
import { CountyOverviewDto, CountyOverviewQuery } from './dto/county-overview.dto';

/** 上级督导: what a county (or a city) sees of the organizations below it, from the maintained tallies. */
@Injectable()
export class CountyService implements OnApplicationBootstrap {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly scope: OrganizationScopeService,
    private readonly tallies: CountyTalliesRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** The triggers compute lights with the configured zone and margin; a change of either recounts once. */
  async onApplicationBootstrap(): Promise<void> {
    const { TIME_ZONE, TASK_SCHEDULE_MARGIN_PERCENT } = this.runtime.config;
    await this.tallies.adoptSettings(TIME_ZONE, TASK_SCHEDULE_MARGIN_PERCENT);
  }

  async overview(user: AuthUser, query: CountyOverviewQuery): Promise<CountyOverviewDto> {
    const organizationId = await this.scope.readableOrganizationId(user, query.organizationId);
    const today = todayIn(this.runtime.config.TIME_ZONE);
    const year = query.year ?? Number(today.slice(0, 4));
    const { organizations, totals } = await this.standings(organizationId, year, today);
    return { organizationId, year, asOf: today, organizations, totals };
  }

  /** Each child organization's numbers (its whole subtree) and rank on `asOf`, and the totals; 403 without children. */
  async standings(organizationId: string, year: number, asOf: string) {
    const children = await this.organizations.childSubtrees(organizationId);
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
