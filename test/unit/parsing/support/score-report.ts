import { ItemKind, ParseResult } from '../../../../src/parsing';

export const ITEM_KINDS: ItemKind[] = ['problem', 'cause', 'measure', 'plan'];

/** Expected outcome of parsing one report, in the format of shared/seeds/expected/*.json. */
export interface ExpectedReport {
  file: string;
  /** null: the report does not name itself clearly enough, and the parser must not guess. */
  organization: string | null;
  reportYear: number;
  planYear: number;
  problem: string[];
  cause: string[];
  measure: string[];
  plan: string[];
  optional?: Partial<Record<ItemKind, string[]>> | string[];
}

export interface KindScore {
  misses: string[];
  falsePositives: string[];
}

export interface ReportScore {
  organizationOk: boolean;
  reportYearOk: boolean;
  planYearOk: boolean;
  kinds: Record<ItemKind, KindScore>;
  misses: number;
  falsePositives: number;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Scores a parse the way the seeds README describes: a phrase matches an item of its kind when it is
 * contained in the item's title + text (NFKC, white space removed); each phrase matches one item (a
 * maximum matching); an item of the kind that matches no phrase is a false positive; items matching an
 * optional phrase count neither way.
 */
export function scoreReport(result: ParseResult, expected: ExpectedReport): ReportScore {
  const kinds = {} as Record<ItemKind, KindScore>;
  for (const kind of ITEM_KINDS) {
    const phrases = expected[kind].map(squash);
    const optional = optionalPhrases(expected, kind).map(squash);
    const items = result.items.filter((item) => item.kind === kind);
    const haystacks = items.map((item) => squash(item.title + item.text));
    const matchOf = maximumMatching(phrases, haystacks);
    const matchedItems = new Set(matchOf.filter((i) => i >= 0));
    kinds[kind] = {
      misses: expected[kind].filter((_, p) => matchOf[p] < 0),
      falsePositives: items
        .filter((_, i) => !matchedItems.has(i) && !optional.some((phrase) => haystacks[i].includes(phrase)))
        .map((item) => item.title),
    };
  }
  const misses = ITEM_KINDS.reduce((n, kind) => n + kinds[kind].misses.length, 0);
  const falsePositives = ITEM_KINDS.reduce((n, kind) => n + kinds[kind].falsePositives.length, 0);
  return {
    organizationOk: organizationMatches(result.organization, expected.organization),
    reportYearOk: result.reportYear === expected.reportYear,
    planYearOk: result.planYear === expected.planYear,
    kinds,
    misses,
    falsePositives,
  };
}

/** The parsed organization contains the expected one (white space aside); an expected null wants null. */
export function organizationMatches(parsed: string | null, expected: string | null): boolean {
  if (expected === null) return parsed === null;
  return parsed !== null && squash(parsed).includes(squash(expected));
}

function optionalPhrases(expected: ExpectedReport, kind: ItemKind): string[] {
  if (!expected.optional) return [];
  if (Array.isArray(expected.optional)) return expected.optional;
  return expected.optional[kind] ?? [];
}

/** matchOf[p] = index of the item matched to phrase p, or -1 (augmenting paths; the lists are short). */
function maximumMatching(phrases: string[], haystacks: string[]): number[] {
  const itemOwner = new Array<number>(haystacks.length).fill(-1);
  const tryPhrase = (p: number, seen: boolean[]): boolean => {
    for (let i = 0; i < haystacks.length; i++) {
      if (seen[i] || !haystacks[i].includes(phrases[p])) continue;
      seen[i] = true;
      if (itemOwner[i] < 0 || tryPhrase(itemOwner[i], seen)) {
        itemOwner[i] = p;
        return true;
      }
    }
    return false;
  };
  phrases.forEach((_, p) => tryPhrase(p, new Array<boolean>(haystacks.length).fill(false)));
  const matchOf = new Array<number>(phrases.length).fill(-1);
  itemOwner.forEach((p, i) => {
    if (p >= 0) matchOf[p] = i;
  });
  return matchOf;
}
