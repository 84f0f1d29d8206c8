import { addDays, todayIn } from '../../../src/common/calendar';
import { CountyTalliesRepository } from '../../../src/county/county-tallies.repository';
import { lightSql } from '../../../src/tasks/task-view';
import { Fixtures, TaskShape } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { countyWithTownships } from './county-fixtures';

const YEAR = 2026;
const STATUSES = ['new', 'assigned', 'in_progress', 'pending_review', 'completed', 'cancelled'];

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('county overview: tallies kept by triggers', () => {
  let app: TestApp;
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  /** The numbers straight from `tasks`, with the ledger's own light expression. */
  async function directCount(organizationId: string, asOf: string, margin = 10) {
    const [row] = await Fixtures.of(app).query(
      `SELECT count(*) FILTER (WHERE status <> 'cancelled')::int AS planned,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'completed' AND (deadline IS NULL OR completed_on <= deadline))::int AS "onTime",
              count(*) FILTER (WHERE light = 'red')::int AS red,
              count(*) FILTER (WHERE light = 'yellow')::int AS yellow
       FROM (SELECT t.*, ${lightSql('$3::date', margin, 'Asia/Shanghai')} AS light FROM tasks t
             WHERE t.organization_id = $1 AND t.plan_year = $2) t`,
      [organizationId, YEAR, asOf],
    );
    return row;
  }

  it('equals a direct count of the tasks after 500 random changes across 3 townships, on any day', async () => {
    const { county, townships } = await countyWithTownships(app, 3);
    const fixtures = Fixtures.of(app);
    const next = random(22);
    const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)];
    const day = (spread: number) => addDays(today, Math.floor(next() * spread * 2) - spread);
    const tasks: Array<{ id: string; organizationId: string }> = [];
    const shape = (): TaskShape => {
      const fields: TaskShape = {};
      const choices: Array<() => void> = [
        () => (fields.status = pick(STATUSES)),
        () => (fields.deadline = next() < 0.1 ? null : day(20)),
        () => (fields.progress = Math.floor(next() * 101)),
        () =>
          (fields.assignedAt = next() < 0.1 ? null : `${day(60)}T0${Math.floor(next() * 10)}:00:00+08:00`),
        () => (fields.completedOn = next() < 0.2 ? null : day(20)),
        () => (fields.planYear = next() < 0.85 ? YEAR : pick([YEAR - 1, null])),
        () => (fields.longTerm = next() < 0.2),
      ];
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) pick(choices)();
      return fields;
    };
    for (let change = 0; change < 500; change++) {
      const roll = next();
      if (roll < 0.35 || tasks.length < 5) {
        const township = pick(townships);
        const id = await fixtures.task(township.org.id, { deadline: day(20), planYear: YEAR });
        tasks.push({ id, organizationId: township.org.id });
        await fixtures.reshapeTask(id, shape());
      } else if (roll < 0.42) {
        const [gone] = tasks.splice(Math.floor(next() * tasks.length), 1);
        await fixtures.deleteTask(gone.id);
      } else {
        await fixtures.reshapeTask(pick(tasks).id, shape());
      }
    }

    const overview = await app.get(`/api/v1/county/overview?year=${YEAR}`, {
      token: county.users.viewer.token,
    });
    expect(overview.status).toBe(200);
    const repository = app.app.get(CountyTalliesRepository);
    for (const township of townships) {
      const shown = overview.body.organizations.find((row: { id: string }) => row.id === township.org.id);
      const expected = await directCount(township.org.id, today);
      expect(shown).toMatchObject({ ...expected, overdue: expected.red });
      // The lights move with the date alone: the same tallies answer for other days.
      for (const asOf of [addDays(today, -9), addDays(today, 5), addDays(today, 30)]) {
        const [tally] = await repository.tallies([township.org.id], YEAR, asOf);
        const direct = await directCount(township.org.id, asOf);
        expect({ overdue: tally.overdue, yellow: tally.flagged - tally.overdue }).toEqual({
          overdue: direct.red,
          yellow: direct.yellow,
        });
      }
    }
    const sum = (key: string) =>
      overview.body.organizations.reduce((total: number, row: Record<string, number>) => total + row[key], 0);
    expect(overview.body.totals).toMatchObject({
      planned: sum('planned'),
      red: sum('red'),
      yellow: sum('yellow'),
    });
    expect(overview.body.totals.planned).toBeGreaterThan(50);
    expect(overview.body.totals.yellow).toBeGreaterThan(0);
    expect(overview.body.totals.red).toBeGreaterThan(0);

    // A new schedule margin recounts everything once, and the counts follow it.
    try {
      expect(await repository.adoptSettings('Asia/Shanghai', 40)).toBe(true);
      const [tally] = await repository.tallies([townships[0].org.id], YEAR, today);
      const direct = await directCount(townships[0].org.id, today, 40);
      expect(tally.flagged - tally.overdue).toBe(direct.yellow);
    } finally {
      await repository.adoptSettings('Asia/Shanghai', 10);
    }
  });

  it('ranks townships by completion rate, then fewer overdue, and shows the last activity', async () => {
    const { county, townships } = await countyWithTownships(app, 3);
    const fixtures = Fixtures.of(app);
    const [first, second, third] = townships;
    await fixtures.task(first.org.id, { deadline: '2099-01-01', planYear: YEAR, status: 'completed' });
    await fixtures.task(second.org.id, { deadline: '2099-01-01', planYear: YEAR, status: 'completed' });
    await fixtures.task(second.org.id, { deadline: '2020-01-01', planYear: YEAR });
    await fixtures.task(third.org.id, { deadline: '2099-01-01', planYear: YEAR, status: 'completed' });
    await fixtures.task(third.org.id, { deadline: '2099-01-01', planYear: YEAR });

    const { body } = await app.get(`/api/v1/county/overview?year=${YEAR}`, {
      token: county.users.leader.token,
    });
    expect(
      body.organizations.map((row: { id: string; rank: number; rate: number }) => [
        row.id,
        row.rank,
        row.rate,
      ]),
    ).toEqual([
      [first.org.id, 1, 100],
      [third.org.id, 2, 50],
      [second.org.id, 3, 50],
    ]);
    expect(body.totals).toMatchObject({ planned: 5, completed: 3, overdue: 1, rate: 60 });
    expect(Date.parse(body.organizations[0].lastActivity)).toBeGreaterThan(Date.now() - 600_000);

    // The answer is remembered per process until a task below the county changes.
    await fixtures.task(first.org.id, { deadline: '2020-01-01', planYear: YEAR });
    const after = await app.get(`/api/v1/county/overview?year=${YEAR}`, { token: county.users.leader.token });
    expect(after.body.totals).toMatchObject({ planned: 6, completed: 3, overdue: 2, rate: 50 });

    // A township added below the county (no task yet, so no task revision moves) is listed at once.
    const added = await fixtures.organization({
      name: `新设镇人民政府-${first.org.id.slice(0, 8)}`,
      parentId: county.org.id,
    });
    const widened = await app.get(`/api/v1/county/overview?year=${YEAR}`, {
      token: county.users.leader.token,
    });
    expect(widened.body.organizations.map((row: { id: string }) => row.id)).toContain(added.org.id);
    expect(widened.body.organizations).toHaveLength(4);
    expect(widened.body.totals).toMatchObject({ planned: 6, completed: 3 });
  });

  it('counts a county once when many ask for its overview at the same moment', async () => {
    const { county, townships } = await countyWithTownships(app, 2);
    await Fixtures.of(app).task(townships[0].org.id, { deadline: '2099-01-01', planYear: YEAR });
    const counted = jest.spyOn(app.app.get(CountyTalliesRepository), 'tallies');
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          app.get(`/api/v1/county/overview?year=${YEAR}`, { token: county.users.leader.token }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
      expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
      expect(answers[0].body.totals).toMatchObject({ planned: 1 });
      expect(counted).toHaveBeenCalledTimes(1);
    } finally {
      counted.mockRestore();
    }
  });
});

describe('county overview: who sees what', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('shows a city its counties with their whole subtree, a county only its own townships, a township nothing', async () => {
    const city = await Fixtures.of(app).organization({ name: '平顶山市人民政府' });
    const east = await countyWithTownships(app, 2, city.org.id);
    const west = await countyWithTownships(app, 1, city.org.id);
    await Fixtures.of(app).task(east.townships[1].org.id, { deadline: '2020-05-01', planYear: YEAR });
    await Fixtures.of(app).task(west.townships[0].org.id, { deadline: '2099-05-01', planYear: YEAR });

    const cityView = await app.get(`/api/v1/county/overview?year=${YEAR}`, {
      token: city.users.viewer.token,
    });
    expect(cityView.status).toBe(200);
    const counties = Object.fromEntries(
      cityView.body.organizations.map((row: { id: string }) => [row.id, row]),
    );
    expect(counties[east.county.org.id]).toMatchObject({ planned: 1, overdue: 1, hasChildren: true });
    expect(counties[west.county.org.id]).toMatchObject({ planned: 1, overdue: 0, hasChildren: true });
    const drilled = await app.get(
      `/api/v1/county/overview?year=${YEAR}&organizationId=${east.county.org.id}`,
      {
        token: city.users.viewer.token,
      },
    );
    expect(drilled.body.organizations.map((row: { id: string }) => row.id).sort()).toEqual(
      east.townships.map((township) => township.org.id).sort(),
    );

    const eastView = await app.get('/api/v1/county/overview', { token: east.county.users.admin.token });
    expect(eastView.body.organizations.map((row: { id: string }) => row.id).sort()).toEqual(
      east.townships.map((township) => township.org.id).sort(),
    );
    const sibling = await app.get(`/api/v1/county/overview?organizationId=${west.county.org.id}`, {
      token: east.county.users.admin.token,
    });
    expect(sibling.status).toBe(404);

    const township = await app.get('/api/v1/county/overview', {
      token: east.townships[0].users.leader.token,
    });
    expect(township.status).toBe(403);
    expect(township.body.code).toBe('COUNTY_NO_CHILDREN');
    expect(township.body.message).toMatch(/下级单位/);
    const badYear = await app.get('/api/v1/county/overview?year=abc', { token: city.users.viewer.token });
    expect(badYear.status).toBe(400);
  });
});
