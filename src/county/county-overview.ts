import type { OrganizationTally } from './county-tallies.repository';
import type { OverviewCountsDto, OverviewOrganizationDto } from './dto/county-overview.dto';

export interface SupervisedOrganization {
  id: string;
  name: string;
  memberIds: string[];
}

/** Percent with one decimal; an organization with nothing planned has rate 0. */
export function completionRate(completed: number, planned: number): number {
  return planned ? Math.round((completed / planned) * 1000) / 10 : 0;
}

/** Sums the tallies of a set of organizations (a township alone, or a county's whole subtree). */
export function sumTallies(tallies: OrganizationTally[]): OverviewCountsDto {
  const sum = (key: 'planned' | 'completed' | 'onTime' | 'overdue' | 'flagged') =>
    tallies.reduce((total, tally) => total + tally[key], 0);
  const overdue = sum('overdue');
  const lastActivity = tallies.reduce<string | null>(
    (latest, tally) =>
      tally.lastActivityAt && (!latest || tally.lastActivityAt > latest) ? tally.lastActivityAt : latest,
    null,
  );
  return {
    planned: sum('planned'),
    completed: sum('completed'),
    onTime: sum('onTime'),
    overdue,
    red: overdue,
    yellow: sum('flagged') - overdue,
    rate: completionRate(sum('completed'), sum('planned')),
    lastActivity,
  };
}

/**
 * One row per supervised organization with its subtree's numbers, ranked by completion rate (higher first), then
 * overdue (fewer first); equal on both, they share a rank (1, 2, 2, 4), as 通报 rank units.
 */
export function rankOrganizations(
  organizations: SupervisedOrganization[],
  tallies: OrganizationTally[],
  withChildren: Set<string>,
): OverviewOrganizationDto[] {
  const byId = new Map(tallies.map((tally) => [tally.organizationId, tally]));
  const rows = organizations.map((organization) => ({
    id: organization.id,
    name: organization.name,
    hasChildren: withChildren.has(organization.id),
    ...sumTallies(organization.memberIds.flatMap((id) => byId.get(id) ?? [])),
    rank: 0,
  }));
  rows.sort((a, b) => b.rate - a.rate || a.overdue - b.overdue || a.name.localeCompare(b.name, 'zh'));
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank =
      previous && previous.rate === row.rate && previous.overdue === row.overdue ? previous.rank : index + 1;
  });
  return rows;
}
