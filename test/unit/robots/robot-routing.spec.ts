import { robotAudienceOf, urgeDetailsOf } from '../../../src/robots/robot-reminder';

describe('which robots a notification reaches', () => {
  it.each([
    ['due_in_7', { kind: 'due', unitRobots: true, leaderRobots: false }],
    ['due_today', { kind: 'due', unitRobots: true, leaderRobots: false }],
    ['overdue', { kind: 'overdue', unitRobots: true, leaderRobots: false }],
    ['escalate_leader', { kind: 'overdue', unitRobots: false, leaderRobots: true }],
    ['urge', { kind: 'urge', unitRobots: true, leaderRobots: false }],
    ['supervise', { kind: 'supervise', unitRobots: true, leaderRobots: true }],
  ])('%s → %j', (kind, audience) => {
    expect(robotAudienceOf(kind)).toEqual(audience);
  });

  it.each([
    ['task.urged', '整改任务催办', 'urge'],
    ['task.urged', '县级督办：整改任务', 'supervise'],
    ['task.urged.supervise', '整改任务催办', 'supervise'],
    ['task.supervised', '', 'supervise'],
  ])('maps the 催办 notice %s titled %j to %s', (kind, title, expected) => {
    expect(robotAudienceOf(kind, title)?.kind).toBe(expected);
    expect(robotAudienceOf(kind, title)?.leaderRobots).toBe(expected === 'supervise');
  });

  it('reads a 催办 notice’s data first: its supervise flag decides, whatever the title', () => {
    expect(robotAudienceOf('task.urged', '催办', { supervise: true })?.kind).toBe('supervise');
    expect(robotAudienceOf('task.urged', '县级督办', { supervise: false })?.kind).toBe('urge');
    expect(robotAudienceOf('task.urged', '县级督办', { link: '#/tasks/x' })?.kind).toBe('supervise');
    expect(robotAudienceOf('overdue', '', { supervise: true })?.kind).toBe('overdue');
  });

  it('takes who pressed and what they wrote from the notice’s data, and nothing from a notice without data', () => {
    expect(urgeDetailsOf({ actorId: 'u-1', message: ' 请本周内完成 ', supervise: true })).toEqual({
      actorId: 'u-1',
      message: '请本周内完成',
    });
    expect(urgeDetailsOf({ actorId: 'u-1', message: null })).toEqual({ actorId: 'u-1', message: null });
    expect(urgeDetailsOf(null)).toBeNull();
  });

  it('keeps reminders what their kind says whatever the title', () => {
    expect(robotAudienceOf('overdue', '督办')?.kind).toBe('overdue');
  });

  it('keeps assignment and review notices off the group robots', () => {
    expect(robotAudienceOf('task.assigned')).toBeNull();
    expect(robotAudienceOf('task.review_requested')).toBeNull();
  });

  it('keeps the answer to a 催办 or 督办 off the group robots: it is addressed to the one person who pressed', () => {
    expect(robotAudienceOf('task.urge_replied', '督办答复', { supervise: true })).toBeNull();
    expect(robotAudienceOf('task.urge_replied', '催办答复', { supervise: false })).toBeNull();
  });
});
