import { defaultDeadlineFor, OrganizationSettings } from '../identity/organization-settings';
import { linkMeasuresToProblems } from '../parsing/link-measures';

/** The deadline to offer for an item, never one already past; `past` when the report's own day had gone by. */
export interface DeadlineSuggestion {
  suggestedDeadline: string;
  suggestedDeadlinePast: boolean;
}

/**
 * A report written in one year names deadlines in its plan year; reviewed later, some have passed. A past or missing
 * day is replaced by the organization's default day (a report without a year counts as planning the current one).
 */
export function suggestDeadline(
  reported: string | null,
  planYear: number | null,
  settings: OrganizationSettings,
  today: string,
): DeadlineSuggestion {
  if (reported && reported >= today) return { suggestedDeadline: reported, suggestedDeadlinePast: false };
  const year = planYear ?? Number(today.slice(0, 4));
  return {
    suggestedDeadline: defaultDeadlineFor(year, settings, today),
    suggestedDeadlinePast: Boolean(reported),
  };
}

interface LinkableItem {
  id: string;
  kind: string;
  title: string;
  text: string;
}

/** For each measure of one report, the problem of the same report it most likely answers (absent: none). */
export function suggestProblemLinks(items: LinkableItem[]): Map<string, string> {
  const pick = (kind: string) => items.filter((item) => item.kind === kind);
  const byMeasure = new Map<string, string>();
  for (const [problemId, measureIds] of linkMeasuresToProblems(pick('problem'), pick('measure')))
    for (const measureId of measureIds) byMeasure.set(measureId, problemId);
  return byMeasure;
}
