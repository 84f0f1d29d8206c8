import { groupLedger, progressText } from '../../../src/tasks/ledger-groups';
import { linesNeeded } from '../../../src/tasks/task-export.service';

const entry = (id: string, seq: number, itemType: string, problemTaskId: string | null = null) => ({
  id,
  title: `标题${id}`,
  seq,
  itemType,
  problemTaskId,
  problemTitle: problemTaskId ? `标题${problemTaskId}` : null,
});

describe('ledger groups and 进展情况', () => {
  it('puts measures under their problem, keeps a problem without measures alone and other tasks alone', () => {
    const groups = groupLedger([
      entry('p1', 1, 'problem'),
      entry('m1', 1, 'measure', 'p1'),
      entry('m2', 1, 'measure', 'p1'),
      entry('p2', 2, 'problem'),
      entry('m3', 3, 'measure', 'p9'),
      entry('plan', 4, 'plan'),
    ]);
    expect(
      groups.map((group) => [
        group.seq,
        group.problemId,
        group.problem?.id ?? null,
        group.measures.map((m) => m.id),
      ]),
    ).toEqual([
      [1, 'p1', 'p1', ['m1', 'm2']],
      [2, 'p2', 'p2', []],
      [3, 'p9', null, ['m3']],
      [4, null, null, ['plan']],
    ]);
    expect(groups[2].problemTitle).toBe('标题p9');
  });

  const base = {
    progress: 100,
    lastNote: '整改完成，申请销号',
    sentBack: false,
    rejectionNote: null,
    completedOn: null,
    longTerm: false,
  };

  it('words 进展情况 from the real status, never the 申请销号 note of a task sent back', () => {
    expect(progressText({ ...base, status: 'pending_review' })).toBe('待核验，进度 100%：整改完成，申请销号');
    expect(progressText({ ...base, status: 'in_progress', sentBack: true, rejectionNote: '材料不全' })).toBe(
      '退回整改，进度 100%：材料不全',
    );
    expect(progressText({ ...base, status: 'completed', completedOn: '2025-11-30' })).toBe(
      '已销号（2025-11-30 完成）',
    );
    expect(progressText({ ...base, status: 'assigned', lastNote: null })).toBe('已交办');
    expect(progressText({ ...base, status: 'cancelled' })).toBe('已撤销');
    expect(progressText({ ...base, status: 'in_progress', longTerm: true, lastNote: '每月开展' })).toBe(
      '长期坚持：每月开展',
    );
  });

  it('counts the lines a wrapped cell takes, Chinese characters twice as wide as Latin ones', () => {
    expect(linesNeeded('', 30)).toBe(1);
    expect(linesNeeded('一'.repeat(10), 30)).toBe(1);
    expect(linesNeeded('一'.repeat(40), 30)).toBe(3);
    expect(linesNeeded('a'.repeat(40), 30)).toBe(2);
    expect(linesNeeded('第一行\n第二行', 30)).toBe(2);
  });
});
