import { RobotDispatcher } from '../../../src/robots/robot-dispatcher';
import { RobotsService } from '../../../src/robots/robots.service';
import { RobotInputDto } from '../../../src/robots/dto/robot.dto';
import { createOrgWithUsers } from '../../support/fixtures';
import { ReceivedRequest, RobotReceiver } from '../../support/robot-receivers';
import { TestApp, testRuntime } from '../../support/test-app';
import { callerOf, reminderFor, robotEnv, robotMessages, waitFor } from './robot-fixtures';

// Worker round trips, retries with backoff and a shared 2-core machine: wait on conditions, not on a 5 s default.
jest.setTimeout(180_000);

/** A minute shortened to 3 seconds: robots allow 20 messages in it, as DingTalk and WeCom do in a minute. */
const WINDOW_MS = 3000;
const SECRET = 'SECrate0123456789abcdef';

const titleOf = (n: number) => `整改任务第${String(n).padStart(2, '0')}号`;

/** How often each reminder's title appears across the messages a receiver accepted. */
function titleCounts(messages: ReceivedRequest[], count: number): number[] {
  const texts = messages.map(RobotReceiver.textOf).join('\n');
  return Array.from({ length: count }, (_, i) => texts.split(titleOf(i + 1)).length - 1);
}

describe('robot rate limits and batching', () => {
  let app: TestApp;
  let dispatcher: RobotDispatcher;
  const receivers: RobotReceiver[] = [];

  beforeAll(async () => {
    app = await TestApp.start(
      testRuntime(
        'all',
        robotEnv({
          ROBOT_RATE_LIMIT: '20',
          ROBOT_RATE_WINDOW_MS: String(WINDOW_MS),
          // Every reminder asks for a send at once: only the limiter and the batching hold them back.
          ROBOT_BATCH_WINDOW_MS: '0',
          DELIVERY_BACKOFF_MS: '100',
        }),
      ),
    );
    dispatcher = app.app.get(RobotDispatcher);
  });

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await app.close();
  });

  const robotFor = async (input: RobotInputDto) => {
    const fixture = await createOrgWithUsers(app, { units: ['司法所'] });
    const [robot] = await app.app
      .get(RobotsService)
      .setRobots(callerOf(fixture), fixture.units['司法所'].id, [input]);
    return robot.id;
  };

  const allSettled = (robotId: string, count: number) =>
    waitFor(async () => {
      const rows = await robotMessages(app, robotId);
      return (
        rows.length === count && rows.every((row) => ['delivered', 'failed'].includes(row.status)) && rows
      );
    }, 120_000);

  it('sends 50 reminders arriving within a minute batched within 20 messages a minute, none lost', async () => {
    const robot = await RobotReceiver.start('dingtalk', { secret: SECRET, limit: 20, windowMs: WINDOW_MS });
    receivers.push(robot);
    const robotId = await robotFor({ vendor: 'dingtalk', url: robot.url, secret: SECRET });
    for (let n = 1; n <= 50; n += 1) {
      const person = { name: `干部${n}`, mobile: `138000${String(n).padStart(5, '0')}` };
      await dispatcher.enqueue([
        { robotId, deliveryKey: `r-${n}`, reminder: reminderFor(titleOf(n), [person]) },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const rows = await allSettled(robotId, 50);

    expect(rows.filter((row) => row.status !== 'delivered')).toEqual([]);
    expect(titleCounts(robot.accepted, 50)).toEqual(Array(50).fill(1));
    expect(robot.requests.filter((request) => !request.accepted)).toEqual([]);
    expect(robot.busiestWindow()).toBeLessThanOrEqual(20);
    expect(robot.accepted.length).toBeLessThan(50);
    expect(Math.max(...robot.accepted.map((request) => request.body.at.atMobiles.length))).toBeGreaterThan(1);
    // Every mention in at.atMobiles is also written in the text, as DingTalk needs to render it.
    expect(robot.violations).toEqual([]);
  });

  it.each([
    ['wecom', 45009, 1, null],
    ['feishu', 9499, 1, 'feishu-rate-secret'],
    ['dingtalk', 130101, 10, SECRET],
  ] as const)(
    'waits out the vendor\'s own "too fast" (%s %i) for its penalty of %i window(s), then delivers everything',
    async (vendor, tooFastCode, penaltyWindows, secret) => {
      // The group's robot is also fed by someone else: the vendor lets only 2 more messages through per window.
      const robot = await RobotReceiver.start(vendor, { limit: 2, windowMs: WINDOW_MS, secret });
      receivers.push(robot);
      const robotId = await robotFor({ vendor, url: robot.url, ...(secret ? { secret } : {}) });
      await dispatcher.enqueue(
        Array.from({ length: 30 }, (_, i) => ({
          robotId,
          deliveryKey: `${vendor}-${i + 1}`,
          reminder: reminderFor(titleOf(i + 1), [{ name: `干部${i + 1}`, mobile: null }]),
        })),
      );
      const rows = await allSettled(robotId, 30);

      expect(rows.filter((row) => row.status !== 'delivered')).toEqual([]);
      expect(titleCounts(robot.accepted, 30)).toEqual(Array(30).fill(1));
      const tooFast = robot.requests.filter((request) =>
        [request.answer.errcode, request.answer.code].includes(tooFastCode),
      );
      expect(tooFast.length).toBeGreaterThan(0);
      expect(rows.some((row) => row.deferrals > 0)).toBe(true);
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
      // After "too fast" the robot is left alone for the vendor's penalty before the batch goes again.
      for (const rejected of tooFast) {
        const next = robot.requests.find((request) => request.at > rejected.at);
        if (next) expect(next.at - rejected.at).toBeGreaterThanOrEqual(penaltyWindows * WINDOW_MS - 50);
      }
    },
  );
});
