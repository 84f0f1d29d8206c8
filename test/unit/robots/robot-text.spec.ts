import {
  chineseDate,
  composeMessage,
  deadlineText,
  mergeReminders,
  taskLink,
} from '../../../src/robots/robot-text';
import { reminder } from './robot-fixtures';

describe('robot message text', () => {
  it('writes dates the way a 党政办 writes them', () => {
    expect(chineseDate('2026-06-30')).toBe('2026年6月30日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('counts days left, due today and overdue from the reminder day, across month ends', () => {
    expect(deadlineText('2026-06-30', '2026-06-27')).toBe('2026年6月30日（还剩 3 天）');
    expect(deadlineText('2026-06-30', '2026-06-30')).toBe('2026年6月30日（今天到期）');
    expect(deadlineText('2026-06-30', '2026-07-05')).toBe('2026年6月30日（已逾期 5 天）');
    expect(deadlineText(null, '2026-07-05')).toBe('未设定');
  });

  it('links to the task under the public base URL, and omits the link when none is configured', () => {
    expect(taskLink('https://zfjs.example.gov.cn/', 'abc')).toBe('https://zfjs.example.gov.cn/#/tasks/abc');
    expect(taskLink('', 'abc')).toBeNull();
    const [item] = composeMessage([reminder()], '').items;
    expect(item.link).toBeNull();
  });

  it('titles a single reminder with its label and task', () => {
    const message = composeMessage([reminder({ kind: 'overdue', taskTitle: '清理执法案卷' })], '');
    expect(message.title).toBe('【逾期】清理执法案卷');
    expect(message.items[0].facts).toEqual([
      { name: '责任单位', value: '司法所' },
      { name: '截止日期', value: '2026年6月30日（还剩 3 天）' },
    ]);
  });

  it('names who presses and what they wrote for 催办 and 县级督办', () => {
    const urged = composeMessage(
      [reminder({ kind: 'urge', pressedBy: '党政办 王主任', note: '请本周内\n报送进展' })],
      '',
    );
    expect(urged.items[0].facts.slice(2)).toEqual([
      { name: '催办人', value: '党政办 王主任' },
      { name: '催办意见', value: '请本周内 报送进展' },
    ]);
    const supervised = composeMessage(
      [reminder({ kind: 'supervise', pressedBy: '某县人民政府 李副县长' })],
      '',
    );
    expect(supervised.title).toMatch(/^【县级督办】/);
    expect(supervised.items[0].facts[2]).toEqual({ name: '督办人', value: '某县人民政府 李副县长' });
  });

  it('orders a batch by urgency, then deadline, and counts each kind in the title', () => {
    const message = composeMessage(
      [
        reminder({ kind: 'due', deadline: '2026-07-01' }),
        reminder({ kind: 'overdue', deadline: '2026-06-01' }),
        reminder({ kind: 'due', deadline: '2026-06-28' }),
        reminder({ kind: 'urge' }),
      ],
      '',
    );
    expect(message.items.map((item) => [item.label, item.facts[1].value.slice(0, 10)])).toEqual([
      ['【催办】', '2026年6月30日'],
      ['【逾期】', '2026年6月1日（'],
      ['【到期提醒】', '2026年6月28日'],
      ['【到期提醒】', '2026年7月1日（'],
    ]);
    expect(message.title).toBe('【整改提醒】4 项：催办 1 项、逾期 1 项、到期提醒 2 项');
    expect(composeMessage([reminder(), reminder()], '').title).toBe('【到期提醒】2 项整改任务');
  });

  it('makes one item of the same task reminded to several people, mentioning each once', () => {
    const one = reminder({ people: [{ name: '张三', mobile: '13800001111' }] });
    const merged = mergeReminders([
      one,
      { ...one, people: [{ name: '李四', mobile: null }] },
      { ...one, people: [{ name: '张三', mobile: '13800001111' }] },
      reminder(),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0].people).toEqual([
      { name: '张三', mobile: '13800001111' },
      { name: '李四', mobile: null },
    ]);
    expect(
      composeMessage([one, { ...one, people: [{ name: '王五', mobile: '13900002222' }] }], '').people,
    ).toEqual([
      { name: '张三', mobile: '13800001111' },
      { name: '王五', mobile: '13900002222' },
    ]);
  });

  it('clips a very long title so one reminder always fits a message', () => {
    const [item] = composeMessage([reminder({ taskTitle: '长'.repeat(500) })], '').items;
    expect([...item.title]).toHaveLength(60);
    expect(item.title.endsWith('…')).toBe(true);
  });

  it('carries 整改 in every message, for robots secured by that keyword', () => {
    expect(composeMessage([reminder({ kind: 'overdue', taskTitle: '清理案卷' })], '').closing).toContain(
      '整改',
    );
  });
});
