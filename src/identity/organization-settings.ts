/** What an organization's administrator may set; absent keys take the defaults below. */
export interface OrganizationSettings {
  /**
   * The 主送机关 of the organization's annual report, as printed above its text (without the colon), e.g.
   * 县委全面依法治县委员会办公室. Null: the report template's default line.
   */
  reportAddressee: string | null;
  /**
   * The deadline suggested for an item whose report names none, or names one already past: MM-DD of the plan year
   * (12-31 is 年底前, 06-30 上半年).
   */
  defaultDeadline: string;
  /** Whether 申请销号 needs at least one 佐证材料 besides the 整改成效. */
  requireEvidenceForReview: boolean;
}

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  reportAddressee: null,
  defaultDeadline: '12-31',
  requireEvidenceForReview: false,
};

/** The stored object over the defaults; a key the code no longer knows is dropped. */
export function resolveOrganizationSettings(stored: Partial<OrganizationSettings>): OrganizationSettings {
  const resolved = { ...DEFAULT_ORGANIZATION_SETTINGS };
  for (const key of Object.keys(resolved) as Array<keyof OrganizationSettings>) {
    if (stored[key] !== undefined) (resolved as Record<string, unknown>)[key] = stored[key];
  }
  return resolved;
}

/**
 * The deadline to suggest in place of a missing or past one: the default day of the plan year, or, when that is past
 * too, its next occurrence after `today` (both YYYY-MM-DD).
 */
export function defaultDeadlineFor(planYear: number, settings: OrganizationSettings, today: string): string {
  const inPlanYear = `${planYear}-${settings.defaultDeadline}`;
  if (inPlanYear >= today) return inPlanYear;
  const thisYear = Number(today.slice(0, 4));
  const passedThisYear = today.slice(5) > settings.defaultDeadline;
  return `${passedThisYear ? thisYear + 1 : thisYear}-${settings.defaultDeadline}`;
}

/** MM-DD of a day every year has (so never 02-29). */
export const MONTH_DAY =
  /^(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))$/;
