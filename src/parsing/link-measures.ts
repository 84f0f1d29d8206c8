import { diceSimilarity } from './similarity';

export interface TextItem {
  id: string;
  title: string;
  text: string;
}

/** Below this, a measure is not taken to address any particular problem. */
const LINK_THRESHOLD = 0.15;

/**
 * Reports list problems and rectification measures in separate passages. When they pair up one to one the
 * order says which measure answers which problem; otherwise a measure goes to the problem its text resembles most,
 * and a measure resembling none stays unlinked rather than being attached at random.
 */
export function linkMeasuresToProblems(problems: TextItem[], measures: TextItem[]): Map<string, string[]> {
  const links = new Map<string, string[]>(problems.map((problem) => [problem.id, []]));
  if (problems.length === measures.length) {
    problems.forEach((problem, index) => links.get(problem.id)!.push(measures[index].id));
    return links;
  }
  for (const measure of measures) {
    let best: { id: string; score: number } | null = null;
    for (const problem of problems) {
      const score = diceSimilarity(`${problem.title}${problem.text}`, `${measure.title}${measure.text}`);
      if (score >= LINK_THRESHOLD && (!best || score > best.score)) best = { id: problem.id, score };
    }
    if (best) links.get(best.id)!.push(measure.id);
  }
  return links;
}
