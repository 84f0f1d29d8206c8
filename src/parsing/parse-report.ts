import { organizationOfBody } from './body-organization';
import { suggestDeadline, suggestDeadlineOfRow } from './deadlines';
import { defaultUnitKeywords } from './default-unit-keywords';
import { extractItems } from './items';
import {
  firstYear,
  mostFrequentYear,
  organizationOfSignature,
  organizationOfTitle,
  readPreamble,
  responsiblePersonOf,
  yearOfSignatureDate,
} from './metadata';
import { normalizeText } from './normalize';
import { buildOutline } from './outline';
import { flattenSections, planYearOf, resolveTopSections, yearBeforePlans } from './report-sections';
import { lineSpans, paragraphsIn } from './spans';
import { suggestUnits, unitsOfCell } from './suggestions';
import { ParseOptions, ParseResult, ReportItem } from './types';

const INTRO_PARAGRAPHS = 3;

/**
 * Parses an annual 法治政府建设 report into its sections and trackable items. Pure and total: any string
 * gives a result. Offsets point into `result.text`, the normalized input.
 */
export function parseReport(rawOrNormalizedText: string, options: ParseOptions = {}): ParseResult {
  const text = normalizeText(rawOrNormalizedText);
  const lines = lineSpans(text);
  const preamble = readPreamble(text, lines);
  const bodyStart = preamble.firstBodyLine < lines.length ? lines[preamble.firstBodyLine].start : text.length;
  const intro = paragraphsIn(text, bodyStart, text.length).slice(0, INTRO_PARAGRAPHS);
  const introEnd = intro.length > 0 ? intro[intro.length - 1].end : bodyStart;

  const titleYear = preamble.title ? firstYear(preamble.title) : null;
  const openingYear = firstYear(text.slice(bodyStart, intro.length > 0 ? intro[0].end : bodyStart), 'skip');
  const statedYear = titleYear ?? openingYear ?? yearOfSignatureDate(text, lines);
  let reportYear = statedYear ?? mostFrequentYear(text);
  const root = buildOutline(text, lines, preamble.firstBodyLine, reportYear);
  const tops = resolveTopSections(root);
  const sections = flattenSections(text, tops);
  // Where nothing states the year, the one before the year the plans part names beats the year named most often
  // (a copy of a web page without its title line that names its plans' deadlines more often than its own year).
  if (statedYear === null) reportYear = yearBeforePlans(sections) ?? reportYear;
  const planYear = planYearOf(sections, reportYear, preamble.title);

  const units =
    options.unitKeywords && options.unitKeywords.length > 0 ? options.unitKeywords : defaultUnitKeywords();
  const items: ReportItem[] = extractItems(text, tops).map((raw) => {
    const itemText = text.slice(raw.start, raw.end);
    const { deadline, longTerm } = raw.cells?.deadline
      ? suggestDeadlineOfRow(raw.cells.deadline, itemText, planYear)
      : suggestDeadline(itemText, planYear);
    return {
      kind: raw.kind,
      title: raw.title,
      text: itemText,
      start: raw.start,
      end: raw.end,
      suggestedUnits: raw.cells?.unit
        ? unitsOfCell(raw.cells.unit, raw.title, itemText, units)
        : suggestUnits(raw.title, itemText, units),
      suggestedDeadline: deadline,
      headingPath: raw.headingPath,
      longTerm,
    };
  });

  const organization =
    preamble.organizationLine ??
    (preamble.title ? organizationOfTitle(preamble.title) : null) ??
    organizationOfSignature(text, lines) ??
    organizationOfBody(text, introEnd, options.knownOrganization ?? null);
  const leadership = sections.filter((s) => s.kind === 'leadership').map((s) => text.slice(s.start, s.end));
  const responsiblePerson = responsiblePersonOf(leadership.join('\n')) ?? responsiblePersonOf(text);

  return {
    organization,
    reportYear,
    planYear,
    title: preamble.title,
    responsiblePerson,
    sections,
    items,
    text,
  };
}
