import { OrganizationCalendar } from '../../../src/runtime/organization-calendar';

// 00:30 on New Year's Day in Shanghai (UTC+8) is still New Year's Eve in UTC.
const SHANGHAI_NEW_YEAR = new Date('2025-12-31T16:30:00Z');

describe("the organization's calendar", () => {
  afterEach(() => jest.useRealTimers());

  test("today is the date in the organization's zone, not the machine's", () => {
    jest.useFakeTimers({ now: SHANGHAI_NEW_YEAR });
    expect(new OrganizationCalendar('Asia/Shanghai').today()).toBe('2026-01-01');
    expect(new OrganizationCalendar('UTC').today()).toBe('2025-12-31');
  });

  test('the date of an instant is read in the same zone', () => {
    expect(new OrganizationCalendar('Asia/Shanghai').dateOf(SHANGHAI_NEW_YEAR)).toBe('2026-01-01');
    expect(new OrganizationCalendar('UTC').dateOf(SHANGHAI_NEW_YEAR)).toBe('2025-12-31');
  });

  test('it names its zone, for SQL and cron schedules', () => {
    expect(new OrganizationCalendar('Asia/Shanghai').timeZone).toBe('Asia/Shanghai');
  });
});
