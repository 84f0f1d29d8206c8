import { robotAudienceOf } from '../../../src/robots/robot-reminder';

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

  it('keeps assignment and review notices off the group robots', () => {
    expect(robotAudienceOf('task.assigned')).toBeNull();
    expect(robotAudienceOf('task.review_requested')).toBeNull();
  });
});
