import fc from 'fast-check';
import { buildDraft, BuildDraftInput } from '../../../src/rollup/build-draft';
import { repeatedPhrase } from '../../../src/rollup/draft-text';
import { Draft, ReportEntry, ReportTask } from '../../../src/rollup/draft-types';
import { CATEGORIES, sampleInput, task } from './draft-fixtures';

const VERBS = ['加强', '完善', '推进', '深化', '健全', '规范', '提升', '落实'];
const OBJECTS = [
  '行政执法监督',
  '规范性文件备案审查',
  '法律顾问制度',
  '矛盾纠纷多元化解机制',
  '政务公开',
  '普法责任制',
  '合法性审查',
  '执法人员培训',
  '重大行政决策程序',
  '“法律明白人”培养',
  '村级法治阵地建设',
  '信访工作法治化',
];
const ACTIONS = [
  '开展专题培训',
  '组织集中学法',
  '印发工作方案',
  '走访企业群众',
  '化解矛盾纠纷',
  '发放宣传资料',
];
const UNITS = ['场', '次', '件', '份', '人次'];
const REASONS = ['人员调整', '经费未到位', '上级政策调整', '涉及部门较多，协调难度大', '系统建设周期较长'];
const STEPS = ['配齐工作力量', '争取专项经费', '细化工作方案', '加强部门协同'];
const INTERNAL = /任务|进展|序时|原因：尚未提交/u;

const day = fc
  .integer({ min: 1, max: 365 })
  .map((n) => new Date(Date.UTC(2025, 0, n)).toISOString().slice(0, 10));
const nextYearDay = fc
  .integer({ min: 1, max: 365 })
  .map((n) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10));
const figure = fc
  .tuple(fc.constantFrom(...ACTIONS), fc.integer({ min: 1, max: 5000 }), fc.constantFrom(...UNITS))
  .map(([action, count, unit]) => `${action}${count}${unit}`);

/** A task with a distinct title, in any state a year can leave it in. */
const taskArbitrary = (title: string, index: number, problemIds: string[]) =>
  fc
    .record({
      status: fc.constantFrom('assigned', 'in_progress', 'pending_review', 'completed', 'cancelled' as const),
      kind: fc.constantFrom('plan', 'measure', 'problem'),
      problem: fc.constantFrom(...problemIds),
      outcome: fc.option(figure, { nil: null }),
      completedOn: day,
      deadline: fc.option(day, { nil: null }),
      extended: fc.option(fc.tuple(day, fc.constantFrom(...REASONS)), { nil: null }),
      carry: fc.option(
        fc.tuple(
          fc.constantFrom(...REASONS),
          fc.option(fc.constantFrom(...STEPS), { nil: null }),
          nextYearDay,
        ),
        {
          nil: null,
        },
      ),
      longTerm: fc.boolean(),
    })
    .map((r): ReportTask => {
      const handedIn = r.status === 'completed' || r.status === 'pending_review';
      const itemKind = r.kind as ReportTask['itemKind'];
      return task({
        id: `t${String(index).padStart(3, '0')}`,
        title,
        kind: itemKind === 'plan' ? 'plan' : 'rectification',
        itemKind,
        reportItemId: itemKind === 'problem' ? r.problem : `i${index}`,
        status: r.status as ReportTask['status'],
        outcome: handedIn ? r.outcome : null,
        completedOn: handedIn ? r.completedOn : null,
        verifiedOn: r.status === 'completed' ? r.completedOn : null,
        deadline: r.extended ? r.extended[0] : r.deadline,
        originalDeadline: r.deadline,
        extensions: r.extended
          ? [{ deadline: r.extended[0], reason: r.extended[1], approvedOn: '2025-01-02' }]
          : [],
        carryOver:
          !handedIn && r.carry ? { reason: r.carry[0], nextStep: r.carry[1], deadline: r.carry[2] } : null,
        longTerm: r.longTerm,
      });
    });

const inputArbitrary: fc.Arbitrary<BuildDraftInput> = fc
  .record({
    titles: fc.uniqueArray(
      fc.tuple(fc.constantFrom(...VERBS), fc.constantFrom(...OBJECTS)).map(([verb, object]) => verb + object),
      { maxLength: 14 },
    ),
    problemCount: fc.integer({ min: 1, max: 4 }),
    entries: fc.array(
      fc.record({
        date: day,
        category: fc.constantFrom(...CATEGORIES.map((c) => c.key)),
        kind: fc.constantFrom('work', 'work', 'problem' as const),
        text: fc.tuple(fc.constantFrom(...OBJECTS), figure).map(([object, fig]) => `围绕${object}${fig}`),
        cause: fc.option(fc.constantFrom(...REASONS), { nil: null }),
      }),
      { maxLength: 12 },
    ),
    asOf: fc.constantFrom('2025-06-30', '2025-09-30', '2025-12-31'),
    plans: fc.uniqueArray(fc.constantFrom(...OBJECTS), { maxLength: 3 }),
  })
  .chain((shape) => {
    const problemIds = Array.from({ length: shape.problemCount }, (_unused, i) => `p${i}`);
    return fc
      .tuple(...shape.titles.map((title, index) => taskArbitrary(title, index, problemIds)))
      .map((tasks): BuildDraftInput => {
        const measures = tasks.filter((t) => t.itemKind === 'measure');
        return sampleInput({
          asOf: shape.asOf,
          tasks,
          previousProblems: problemIds.map((itemId, index) => ({
            itemId,
            title: `${OBJECTS[index]}工作有待加强`,
            text: '',
            measureItemIds: measures
              .filter((_m, i) => i % problemIds.length === index)
              .map((m) => m.reportItemId!),
          })),
          entries: shape.entries.map((entry, index): ReportEntry => ({
            id: `e${String(index).padStart(3, '0')}`,
            taskId: null,
            ...entry,
            kind: entry.kind as ReportEntry['kind'],
            cause: entry.kind === 'problem' ? entry.cause : null,
          })),
          leaderPlans: shape.plans.map((object, index) => ({
            id: `l${index}`,
            title: `着力抓好${object}`,
            text: `围绕${object}细化措施、压实责任。`,
          })),
        });
      });
  });

function paragraphs(draft: Draft) {
  return [...draft.preamble, ...draft.sections.flatMap((s) => s.paragraphs), ...draft.closing];
}

describe('buildDraft, for any year the ledger and the log can describe', () => {
  it('never repeats a 12-character phrase within a paragraph', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        for (const paragraph of paragraphs(buildDraft(input)))
          expect({ id: paragraph.id, repeated: repeatedPhrase(paragraph.text) }).toEqual({
            id: paragraph.id,
            repeated: null,
          });
      }),
      { numRuns: 300 },
    );
  });

  it('lets no internal word (任务, 进展, 序时) or ISO date into the text', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        for (const paragraph of paragraphs(buildDraft(input))) {
          expect(paragraph.text).not.toMatch(INTERNAL);
          expect(paragraph.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives every previous problem its paragraph, and counts that add up', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const draft = buildDraft(input);
        for (const problem of input.previousProblems)
          expect(paragraphs(draft).filter((p) => p.id === `rectification:${problem.itemId}`)).toHaveLength(1);
        const { planned, completed, onTime, overdue } = draft.counts;
        expect(planned).toBe(input.tasks.filter((t) => t.status !== 'cancelled').length);
        expect(onTime).toBeLessThanOrEqual(completed);
        expect(completed + overdue).toBeLessThanOrEqual(planned);
      }),
      { numRuns: 200 },
    );
  });

  it('is the same draft whatever order its inputs come in', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const reversed = {
          ...input,
          tasks: [...input.tasks].reverse(),
          entries: [...input.entries].reverse(),
        };
        expect(buildDraft(reversed)).toEqual(buildDraft(input));
      }),
      { numRuns: 100 },
    );
  });
});
