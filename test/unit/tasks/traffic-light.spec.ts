import { trafficLight } from '../../../src/tasks/traffic-light';

const base = {
  today: '2025-06-01',
  deadline: '2025-12-31',
  assignedOn: '2025-01-01',
  progress: 50,
  closed: false,
  marginPercent: 10,
};

describe('traffic light', () => {
  it('is green on schedule', () => {
    expect(trafficLight(base)).toEqual({ light: 'green', overdue: false, daysLeft: 213 });
  });

  it('is red and overdue after the deadline', () => {
    expect(trafficLight({ ...base, today: '2026-01-01' })).toMatchObject({
      light: 'red',
      overdue: true,
      daysLeft: -1,
    });
  });

  it('is yellow within 7 days of the deadline, green on day 8', () => {
    expect(trafficLight({ ...base, progress: 100, today: '2025-12-24' }).light).toBe('yellow');
    expect(trafficLight({ ...base, progress: 100, today: '2025-12-23' }).light).toBe('green');
    expect(trafficLight({ ...base, today: '2025-12-31' })).toMatchObject({
      light: 'yellow',
      overdue: false,
      daysLeft: 0,
    });
  });

  it('is yellow when behind 序时进度 beyond the margin', () => {
    // 151 of 364 days elapsed ≈ 41.5%: 31% is behind with a 10-point margin, 32% is not.
    expect(trafficLight({ ...base, progress: 31 }).light).toBe('yellow');
    expect(trafficLight({ ...base, progress: 32 }).light).toBe('green');
    expect(trafficLight({ ...base, progress: 31, marginPercent: 11 }).light).toBe('green');
  });

  it('shows a closed task gray and never overdue, whatever its deadline', () => {
    for (const today of ['2025-06-01', '2025-12-30', '2026-03-01'])
      expect(trafficLight({ ...base, today, closed: true })).toEqual({
        light: 'gray',
        overdue: false,
        daysLeft: null,
      });
    expect(trafficLight({ ...base, deadline: null, closed: true }).light).toBe('gray');
  });

  it('is green without a deadline', () => {
    expect(trafficLight({ ...base, deadline: null })).toMatchObject({
      light: 'green',
      overdue: false,
      daysLeft: null,
    });
  });
});
