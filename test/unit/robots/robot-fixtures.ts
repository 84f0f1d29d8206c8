import { RobotReminder } from '../../../src/robots/robot-reminder';

let counter = 0;

/** A reminder for a fresh task; override what the test is about. */
export function reminder(overrides: Partial<RobotReminder> = {}): RobotReminder {
  counter += 1;
  return {
    kind: 'due',
    taskId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    taskTitle: `规范行政执法文书${counter}`,
    unitName: '司法所',
    deadline: '2026-06-30',
    asOf: '2026-06-27',
    people: [{ name: '张三', mobile: '13800001111' }],
    ...overrides,
  };
}
