import type { PlannedTask } from '../tasks/task.repository';

/** The shapes of a draft report; pure data, shared by the builder, the renderers and the API. */
export const DRAFT_PART_KEYS = ['achievements', 'shortcomings', 'leadership', 'plans', 'other'] as const;
export type DraftPartKey = (typeof DRAFT_PART_KEYS)[number];

export type TaskStatus = 'new' | 'assigned' | 'in_progress' | 'pending_review' | 'completed' | 'cancelled';

/** A task row as the ledger reads it for a year (TaskRepository.findPlannedFor); draft-inputs.ts makes it a ReportTask. */
export type DraftTask = PlannedTask;

/** An approved 延期申请 as the ledger keeps it. */
export interface ExtensionRecord {
  taskId: string;
  /** The deadline before the extension. */
  fromDeadline: string | null;
  deadline: string;
  reason: string;
  approvedOn: string;
}

export interface ApprovedExtension {
  /** The deadline the extension granted (YYYY-MM-DD). */
  deadline: string;
  reason: string;
  approvedOn: string;
}

/** What a leader decided for an unfinished task when closing the year (年度结转). */
export interface CarryOver {
  /** 未完成原因: its own field, never a progress note. */
  reason: string;
  nextStep: string | null;
  /** The new deadline, in the next year (YYYY-MM-DD). */
  deadline: string;
}

/** What the builder needs to know about one task planned for the year. Dates are YYYY-MM-DD in TIME_ZONE. */
export interface ReportTask {
  id: string;
  reportItemId: string | null;
  kind: 'rectification' | 'plan';
  /** What the task was made from: its title states a problem, a cause, a measure or a plan. */
  itemKind: 'problem' | 'cause' | 'measure' | 'plan';
  title: string;
  headingPath: string[];
  longTerm: boolean;
  /** The status now; the builder works out what it was at `asOf` from the dates below. */
  status: TaskStatus;
  /** The result text staff gave with 申请销号. */
  outcome: string | null;
  /** The day the work was done (given with 申请销号). */
  completedOn: string | null;
  /** The day a leader approved it (销号); null while it awaits 核验. */
  verifiedOn: string | null;
  /** The deadline in force, after approved extensions. */
  deadline: string | null;
  /** The deadline set when the task was assigned, before any extension. */
  originalDeadline: string | null;
  /** Approved extensions, oldest first. */
  extensions: ApprovedExtension[];
  carryOver: CarryOver | null;
  /** A 工作纪实 category key when the task has one; otherwise the draft places it by keywords. */
  category: string | null;
}

/** A problem of the previous year's report with the items (its measures) whose tasks rectify it. */
export interface PreviousProblem {
  itemId: string;
  title: string;
  text: string;
  measureItemIds: string[];
  /** A short name for a long title; derived from the title when absent. */
  topic?: string | null;
}

/** A problem item of an earlier yearly report, for spotting problems that keep coming back. */
export interface EarlierProblem {
  itemId: string;
  reportYear: number;
  title: string;
  text: string;
}

/** A 工作纪实 entry a leader put into the report (inReport). */
export interface ReportEntry {
  id: string;
  date: string;
  category: string;
  kind: 'work' | 'problem';
  text: string;
  cause: string | null;
  taskId: string | null;
}

/** A problem found during the year and recorded as a task rather than on the log. */
export interface NewProblem {
  id: string;
  title: string;
  cause: string | null;
  foundOn: string | null;
  sourceTaskIds: string[];
}

/** A plan for next year the leader wrote: `（一）title。text` in the report. */
export interface LeaderPlan {
  id: string;
  title: string;
  text: string;
}

export interface DraftCategory {
  key: string;
  label: string;
  part: 'achievements' | 'leadership' | 'other';
  keywords: string[];
}

export const TEMPLATE_KEYS = [
  'title',
  'addressee',
  'opening',
  'overview',
  'overviewDone',
  'overviewPending',
  'overviewOverdue',
  'overviewNoOverdue',
  'overviewRest',
  'rectificationHeading',
  'problemLead',
  'problemTopicLead',
  'problemNothingRecorded',
  'measureDone',
  'outcomeOnly',
  'doneWithoutOutcome',
  'problemRectified',
  'namedProblemRectified',
  'extendedOnTime',
  'doneLate',
  'awaitingReview',
  'remainOnSchedule',
  'remainWhen',
  'remainOverdue',
  'reasonMissing',
  'recurring',
  'otherMeasuresLead',
  'otherWorkHeading',
  'entryWithMonth',
  'achievementsNothingRecorded',
  'shortcomingsIntro',
  'unfinishedHeading',
  'unfinishedItem',
  'unfinishedDue',
  'unfinishedExtended',
  'problemWork',
  'rectificationWork',
  'newProblem',
  'newProblemCause',
  'causeMissing',
  'shortcomingsNothingRecorded',
  'leadershipIntro',
  'leadershipPlaceholder',
  'otherPlaceholder',
  'leaderPlan',
  'plansPlaceholder',
  'carriedHeading',
  'carriedProblem',
  'continueWork',
  'carriedWork',
  'carriedWhen',
  'carriedNextStep',
  'carriedLongTerm',
  'carriedMissing',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Every sentence of the draft; a list gives variants, tried in order until one keeps a paragraph free of repeats. */
export type DraftTemplates = { headings: Record<DraftPartKey, string> } & Record<
  TemplateKey,
  string | string[]
>;

export type ParagraphStyle = 'subheading' | 'body' | 'addressee' | 'signature' | 'date';

export interface DraftParagraph {
  /** Stable across rebuilds: derived from what the paragraph is about (`plans:<taskId>`), never from its position. */
  id: string;
  style: ParagraphStyle;
  text: string;
  sourceTaskIds: string[];
  sourceItemIds: string[];
  /** 工作纪实 entries the paragraph reports. */
  sourceEntryIds?: string[];
  /** Text nothing could fill; the office has to write it. */
  placeholder?: boolean;
  recurring?: boolean;
  /** Set when an office edit replaced the generated text, which is kept in `generatedText`. */
  edited?: boolean;
  generatedText?: string;
  /** A paragraph the office added. */
  added?: boolean;
}

export interface DraftSection {
  key: DraftPartKey;
  heading: string;
  paragraphs: DraftParagraph[];
}

export interface DraftCounts {
  planned: number;
  /** Done by `asOf`, including work awaiting 核验. */
  completed: number;
  /** Done by `asOf` no later than the deadline in force. */
  onTime: number;
  /** Not done by `asOf` and past the deadline in force. */
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
  /** The date the draft is as of (YYYY-MM-DD). */
  asOf: string;
  title: string;
  /** 主送机关 and the opening paragraph. */
  preamble: DraftParagraph[];
  sections: DraftSection[];
  /** 落款 and 成文日期. */
  closing: DraftParagraph[];
  counts: DraftCounts;
  sources: DraftSource[];
  completeness: Completeness;
}
