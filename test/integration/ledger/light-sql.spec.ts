import { Client } from 'pg';
import { TASK_STATUSES } from '../../../src/tasks/task-status';
import { lightSql, presentTask, TaskRow } from '../../../src/tasks/task-view';
import { testDatabaseUrl } from '../../support/test-env';

const TODAY = '2026-06-15';
const TIME_ZONE = 'Asia/Shanghai';
const MARGIN = 10;

interface Case {
  status: (typeof TASK_STATUSES)[number];
  deadline: string | null;
  longTerm: boolean;
  assignedOn: string | null;
  progress: number;
}

/** Every combination of status, deadline (none, past, today, within and beyond 7 days), schedule start and progress. */
function cases(): Case[] {
  const all: Case[] = [];
  for (const status of TASK_STATUSES)
    for (const deadline of [
      null,
      '2026-01-31',
      '2026-06-14',
      TODAY,
      '2026-06-22',
      '2026-06-23',
      '2026-12-31',
    ])
      for (const assignedOn of [null, '2026-01-01', TODAY, '2026-07-01'])
        for (const progress of [0, 30, 40, 100])
          for (const longTerm of [false, true])
            all.push({ status, deadline, longTerm, assignedOn, progress });
  return all;
}

function rowOf(c: Case): TaskRow {
  const at = c.assignedOn && `${c.assignedOn}T04:00:00.000Z`;
  return {
    ...({} as TaskRow),
    itemKind: 'measure',
    status: c.status,
    deadline: c.deadline,
    longTerm: c.longTerm,
    assignedAt: at,
    assignedOn: c.assignedOn,
    progress: c.progress,
    extensionPending: false,
  };
}

describe('the light in SQL (filters, counts) and in the task payload', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(() => client.end());

  it('agree on every combination of status, deadline, schedule and progress', async () => {
    const all = cases();
    const { rows } = await client.query(
      `SELECT ${lightSql('$1::date', MARGIN, TIME_ZONE)} AS light
         FROM unnest($2::varchar[], $3::date[], $4::boolean[], $5::timestamptz[], $6::int[]) WITH ORDINALITY
              AS t(status, deadline, long_term, assigned_at, progress, n)
        ORDER BY t.n`,
      [
        TODAY,
        all.map((c) => c.status),
        all.map((c) => c.deadline),
        all.map((c) => c.longTerm),
        all.map((c) => rowOf(c).assignedAt),
        all.map((c) => c.progress),
      ],
    );
    const fromSql = rows.map((row: { light: string }) => row.light);
    const presented = all.map((c) => presentTask(rowOf(c), TODAY, MARGIN).light);
    const disagreements = all.filter((_, i) => fromSql[i] !== presented[i]);
    expect(disagreements).toEqual([]);
    expect(new Set(presented)).toEqual(new Set(['green', 'yellow', 'red', 'gray']));
  });
});
