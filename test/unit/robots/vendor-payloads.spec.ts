import { MAX_ITEMS_PER_MESSAGE, packBatch, testMessage } from '../../../src/robots/robot-batch';
import { composeMessage } from '../../../src/robots/robot-text';
import { dingtalkPayload } from '../../../src/robots/vendors/dingtalk';
import { feishuPost } from '../../../src/robots/vendors/feishu';
import { VENDOR_ADAPTERS } from '../../../src/robots/vendors';
import { wecom, wecomPayload } from '../../../src/robots/vendors/wecom';
import { reminder } from './robot-fixtures';

const BASE = 'https://zfjs.example.gov.cn';

describe('DingTalk markdown', () => {
  it('mentions the assignee by mobile in at.atMobiles and as @mobile in the text; names those without one', () => {
    const message = composeMessage(
      [
        reminder({
          people: [
            { name: '张三', mobile: '13800001111' },
            { name: '李四', mobile: null },
          ],
        }),
      ],
      BASE,
    );
    const payload = dingtalkPayload(message) as {
      msgtype: string;
      markdown: { title: string; text: string };
      at: { atMobiles: string[]; isAtAll: boolean };
    };
    expect(payload.msgtype).toBe('markdown');
    expect(payload.markdown.title).toBe(message.title);
    expect(payload.at).toEqual({ atMobiles: ['13800001111'], isAtAll: false });
    expect(payload.markdown.text).toContain('- 责任人：@13800001111、李四');
    expect(payload.markdown.text).toContain('- 截止日期：2026年6月30日（还剩 3 天）');
    expect(payload.markdown.text).toContain(`[查看任务](${BASE}/#/tasks/`);
  });

  it('numbers the items of a batch and mentions everyone in them', () => {
    const payload = dingtalkPayload(
      composeMessage(
        [
          reminder({ people: [{ name: '张三', mobile: '13800001111' }] }),
          reminder({ kind: 'overdue', people: [{ name: '王五', mobile: '13900002222' }] }),
        ],
        '',
      ),
    ) as { markdown: { text: string }; at: { atMobiles: string[] } };
    expect(payload.markdown.text).toMatch(/\*\*1\. 【逾期】/);
    expect(payload.markdown.text).toMatch(/\*\*2\. 【到期提醒】/);
    expect(payload.at.atMobiles).toEqual(['13900002222', '13800001111']);
  });
});

describe('WeCom', () => {
  it('sends text with mentioned_mobile_list when someone has a mobile (markdown cannot @ by mobile)', () => {
    const payload = wecomPayload(composeMessage([reminder()], BASE)) as {
      msgtype: string;
      text: { content: string; mentioned_mobile_list: string[] };
    };
    expect(payload.msgtype).toBe('text');
    expect(payload.text.mentioned_mobile_list).toEqual(['13800001111']);
    expect(payload.text.content).toContain('责任人：张三');
  });

  it('sends markdown when nobody can be mentioned, naming the people', () => {
    const payload = wecomPayload(
      composeMessage([reminder({ people: [{ name: '李四', mobile: null }] })], ''),
    ) as {
      msgtype: string;
      markdown: { content: string };
    };
    expect(payload.msgtype).toBe('markdown');
    expect(payload.markdown.content).toContain('> 责任人：李四');
    expect(payload.markdown.content).toContain('<font color="info">2026年6月30日（还剩 3 天）</font>');
  });

  it("keeps a text message within WeCom's 2048 bytes by packing fewer reminders", () => {
    const reminders = Array.from({ length: 10 }, () => reminder({ taskTitle: '规范'.repeat(25) }));
    const taken = packBatch(wecom, reminders, BASE);
    expect(taken).toBeGreaterThan(1);
    expect(taken).toBeLessThan(10);
    const content = (
      wecomPayload(composeMessage(reminders.slice(0, taken), BASE)) as { text: { content: string } }
    ).text.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    const tooMany = (
      wecomPayload(composeMessage(reminders.slice(0, taken + 1), BASE)) as { text: { content: string } }
    ).text.content;
    expect(Buffer.byteLength(tooMany)).toBeGreaterThan(2048);
  });
});

describe('Feishu post', () => {
  it('names people in the text (an <at> needs an open_id, not a mobile) and links the task', () => {
    const post = feishuPost(composeMessage([reminder()], BASE)) as {
      post: { zh_cn: { title: string; content: { tag: string; text: string; href?: string }[][] } };
    };
    const rows = post.post.zh_cn.content;
    expect(post.post.zh_cn.title).toMatch(/^【到期提醒】/);
    expect(rows.flat().map((element) => element.text)).toContain('责任人：张三');
    expect(JSON.stringify(post)).not.toContain('13800001111');
    expect(rows.flat().find((element) => element.tag === 'a')?.href).toMatch(/#\/tasks\//);
  });
});

describe('batches', () => {
  it.each(Object.keys(VENDOR_ADAPTERS) as (keyof typeof VENDOR_ADAPTERS)[])(
    '%s: packs at most MAX_ITEMS_PER_MESSAGE items into one message',
    (vendor) => {
      const reminders = Array.from({ length: 25 }, () => reminder());
      expect(packBatch(VENDOR_ADAPTERS[vendor], reminders, '')).toBeLessThanOrEqual(MAX_ITEMS_PER_MESSAGE);
      expect(packBatch(VENDOR_ADAPTERS[vendor], reminders.slice(0, 1), '')).toBe(1);
    },
  );

  it('counts a task reminded to several people as one item', () => {
    const one = reminder();
    const copies = Array.from({ length: 12 }, (_, i) => ({
      ...one,
      people: [{ name: `人员${i}`, mobile: null }],
    }));
    expect(packBatch(VENDOR_ADAPTERS.generic, copies, '')).toBe(12);
  });

  it('tests a robot with a message that names the scope and carries 整改', () => {
    const message = testMessage('司法所', '2026年6月1日 08:00');
    expect(message.title).toBe('【测试消息】整改提醒机器人配置成功');
    expect(message.closing).toContain('司法所');
    const payload = dingtalkPayload(message) as { markdown: { text: string } };
    expect(payload.markdown.text).toContain('2026年6月1日 08:00');
  });
});
