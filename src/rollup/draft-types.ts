/** The shapes of a draft report; pure data, shared by the builder, the renderers and the API. */
export const DRAFT_PART_KEYS = ['achievements', 'shortcomings', 'leadership', 'plans', 'other'] as const;
export type DraftPartKey = (typeof DRAFT_PART_KEYS)[number];

export type TaskStatus = 'new' | 'assigned' | 'in_progress' | 'pending_review' | 'completed' | 'cancelled';

export interface DraftTask {
  id: string;
  reportItemId: string | null;
  kind: 'rectification' | 'plan';
  title: string;
  headingPath: string[];
  /** YYYY-MM-DD */
  deadline: string | null;
  status: TaskStatus;
  outcome: string | null;
  /** Calendar date (YYYY-MM-DD) the task was closed, in TIME_ZONE. */
  completedOn: string | null;
  longTerm: boolean;
  /** The note of the task's latest progress update, used as the reason it is unfinished. */
  latestNote: string | null;
}

/** A problem of the previous year's report with the items (its measures) whose tasks rectify it. */
export interface PreviousProblem {
  itemId: string;
  title: string;
  text: string;
  measureItemIds: string[];
}

/** A problem item of an earlier yearly report, for spotting problems that keep coming back. */
export interface EarlierProblem {
  itemId: string;
  reportYear: number;
  title: string;
  text: string;
}

export type DraftTemplates = {
  title: string;
  headings: Record<DraftPartKey, string>;
} & Record<
  | 'counts'
  | 'rectificationHeading'
  | 'rectificationProblem'
  | 'rectificationNoMeasures'
  | 'rectificationOtherMeasures'
  | 'measureCompleted'
  | 'measureCompletedWithoutOutcome'
  | 'measureOnSchedule'
  | 'measureUnfinished'
  | 'measureSeparator'
  | 'noProgressReason'
  | 'achievement'
  | 'achievementWithoutOutcome'
  | 'shortcomingOnSchedule'
  | 'shortcomingOverdue'
  | 'recurring'
  | 'carryOver'
  | 'leadershipPlaceholder'
  | 'otherPlaceholder',
  string
>;

export interface DraftParagraph {
  /** Stable across rebuilds: derived from what the paragraph is about (`achievements:<taskId>`), never from its position. */
  id: string;
  style: 'subheading' | 'body';
  text: string;
  sourceTaskIds: string[];
  sourceItemIds: string[];
  /** Text nothing could fill; the office has to write it. */
  placeholder?: boolean;
  recurring?: boolean;
  /** Set when an office edit replaced the generated text, which is kept in `generatedText`. */
  edited?: boolean;
  generatedText?: string;
}

export interface DraftSection {
  key: DraftPartKey;
  heading: string;
  paragraphs: DraftParagraph[];
}

export interface DraftCounts {
  planned: number;
  completed: number;
  onTime: number;
  overdue: number;
}

export interface CompletenessPart {
  key: DraftPartKey;
  heading: string;
  present: boolean;
  empty: boolean;
}

export interface Completeness {
  complete: boolean;
  parts: CompletenessPart[];
  /** Headings of the required parts that are missing or empty. */
  missing: string[];
}

export interface DraftSource {
  taskId: string;
  itemId: string | null;
  title: string;
}

export interface Draft {
  year: number;
  title: string;
  sections: DraftSection[];
  counts: DraftCounts;
  sources: DraftSource[];
  completeness: Completeness;
}
