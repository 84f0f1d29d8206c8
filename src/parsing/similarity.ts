/**
 * Character-bigram Dice similarity: Chinese has no spaces, and a segmenter is overkill for telling whether
 * two problem statements say the same thing.
 */
const IGNORED = /[\s\p{P}\p{S}0-9０-９一二三四五六七八九十是]/gu;

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(IGNORED, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function diceSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Above this, two problem titles are taken as the same problem reported again. */
export const RECURRING_THRESHOLD = 0.5;

export function isSameProblem(a: string, b: string): boolean {
  return diceSimilarity(a, b) >= RECURRING_THRESHOLD;
}
