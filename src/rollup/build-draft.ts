import { checkDraftCompleteness } from './completeness';
import { achievementParagraphs } from './draft-achievements';
import { BuildDraftInput, createContext } from './draft-context';
import { loggedPartParagraphs } from './draft-logged-parts';
import { paragraph } from './draft-paragraphs';
import { planParagraphs } from './draft-plans';
import { shortcomingParagraphs } from './draft-shortcomings';
import { fill } from './draft-templates';
import { chineseDate } from './draft-text';
import { Draft, DraftParagraph, DraftSection } from './draft-types';
import { countStates } from './task-state';

export type { BuildDraftInput } from './draft-context';

/**
 * Builds the draft deterministically: the same input always gives the same draft, every sentence from a template
 * (config/draft-templates.json), no paragraph repeating a 12-character phrase, and every paragraph naming its sources.
 */
export function buildDraft(input: BuildDraftInput): Draft {
  const context = createContext(input);
  const { t, year } = { t: input.templates, year: input.year };
  const counts = countStates(context.states);
  const values = { year, nextYear: year + 1 };
  const section = (key: DraftSection['key'], paragraphs: DraftParagraph[]): DraftSection => ({
    key,
    heading: fillHeading(t.headings[key], values),
    paragraphs,
  });
  const sections = [
    section('achievements', achievementParagraphs(context, counts)),
    section('shortcomings', shortcomingParagraphs(context)),
    section('leadership', loggedPartParagraphs(context, 'leadership')),
    section('plans', planParagraphs(context)),
    section('other', loggedPartParagraphs(context, 'other')),
  ];
  return {
    year,
    asOf: input.asOf,
    title: fill(t, 'title', { organizationName: input.organizationName, year }),
    preamble: [
      paragraph('preamble:addressee', input.addressee?.trim() || fill(t, 'addressee'), {}, 'addressee'),
      paragraph('preamble:opening', fill(t, 'opening', { year, shortName: context.shortName })),
    ],
    sections,
    closing: [
      paragraph('closing:signature', input.organizationName, {}, 'signature'),
      paragraph('closing:date', chineseDate(input.issuedOn), {}, 'date'),
    ],
    counts,
    sources: context.tasks.map((task) => ({ taskId: task.id, itemId: task.reportItemId, title: task.title })),
    completeness: checkDraftCompleteness(sections),
  };
}

function fillHeading(template: string, values: { year: number; nextYear: number }): string {
  return template.replace('{year}', String(values.year)).replace('{nextYear}', String(values.nextYear));
}
