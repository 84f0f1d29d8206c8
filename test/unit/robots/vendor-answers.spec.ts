import { readDingtalkAnswer } from '../../../src/robots/vendors/dingtalk';
import { readFeishuAnswer } from '../../../src/robots/vendors/feishu';
import { readGenericAnswer } from '../../../src/robots/vendors/generic';
import { readWecomAnswer } from '../../../src/robots/vendors/wecom';

const MINUTE = 60_000;
const json = (value: unknown) => JSON.stringify(value);

describe('vendor answers', () => {
  it('counts HTTP 200 as delivered only when the vendor says code 0', () => {
    expect(readDingtalkAnswer(200, json({ errcode: 0, errmsg: 'ok' }), MINUTE).ok).toBe(true);
    expect(readWecomAnswer(200, json({ errcode: 0, errmsg: 'ok' }), MINUTE).ok).toBe(true);
    expect(readFeishuAnswer(200, json({ code: 0, msg: 'success', data: {} }), MINUTE).ok).toBe(true);
    expect(readDingtalkAnswer(200, json({ errcode: 310000, errmsg: 'sign not match' }), MINUTE).ok).toBe(
      false,
    );
    expect(readFeishuAnswer(200, json({ StatusCode: 0 }), MINUTE).ok).toBe(false);
  });

  it.each([
    ['sign not match, more: [https://ding-doc.dingtalk.com]', /签名不匹配/],
    [
      'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中',
      /签名不匹配/,
    ],
    ['invalid timestamp', /时间戳无效/],
    ['keywords not in content', /关键词/],
    ['ip 10.0.0.1 not in whitelist', /IP 白名单/],
    ['something new', /签名、关键词或 IP 白名单/],
  ])('explains DingTalk 310000 "%s" in Chinese, as permanent', (errmsg, explanation) => {
    const answer = readDingtalkAnswer(200, json({ errcode: 310000, errmsg }), MINUTE);
    expect(answer).toMatchObject({ ok: false, kind: 'permanent', code: 310000, vendorMessage: errmsg });
    expect(!answer.ok && answer.explanation).toMatch(explanation);
  });

  it('waits out each vendor\'s own throttle window after "too fast"', () => {
    expect(readDingtalkAnswer(200, json({ errcode: 130101, errmsg: 'send too fast' }), MINUTE)).toMatchObject(
      {
        kind: 'too_fast',
        retryAfterMs: 10 * MINUTE,
      },
    );
    expect(
      readWecomAnswer(200, json({ errcode: 45009, errmsg: 'api freq out of limit' }), MINUTE),
    ).toMatchObject({
      kind: 'too_fast',
      retryAfterMs: MINUTE,
    });
    for (const code of [9499, 11232])
      expect(readFeishuAnswer(200, json({ code, msg: 'too many request' }), 2000)).toMatchObject({
        kind: 'too_fast',
        retryAfterMs: 2000,
      });
  });

  it('classifies invalid URLs and wrong secrets as permanent, busy systems and 5xx as transient', () => {
    expect(
      readWecomAnswer(200, json({ errcode: 93000, errmsg: 'invalid webhook url' }), MINUTE),
    ).toMatchObject({
      kind: 'permanent',
      explanation: expect.stringContaining('地址无效'),
    });
    expect(readFeishuAnswer(200, json({ code: 19021, msg: 'sign match fail' }), MINUTE)).toMatchObject({
      kind: 'permanent',
      explanation: expect.stringContaining('签名校验未通过'),
    });
    expect(readDingtalkAnswer(200, json({ errcode: -1, errmsg: '系统繁忙' }), MINUTE)).toMatchObject({
      kind: 'transient',
    });
    expect(readDingtalkAnswer(502, 'Bad Gateway', MINUTE)).toMatchObject({ kind: 'transient', code: 502 });
    expect(readWecomAnswer(404, '', MINUTE)).toMatchObject({ kind: 'permanent', code: 404 });
    expect(readFeishuAnswer(200, '<html>portal</html>', MINUTE)).toMatchObject({
      kind: 'transient',
      code: null,
    });
  });

  it('keeps an unknown vendor code as a permanent failure that names the code', () => {
    const answer = readWecomAnswer(200, json({ errcode: 12345, errmsg: 'new thing' }), MINUTE);
    expect(answer).toMatchObject({ ok: false, kind: 'permanent', code: 12345 });
    expect(!answer.ok && answer.explanation).toContain('12345');
  });

  it('judges the generic webhook by HTTP status alone, honouring Retry-After on 429', () => {
    expect(readGenericAnswer(204, '', MINUTE).ok).toBe(true);
    expect(readGenericAnswer(429, '', MINUTE, 5000)).toMatchObject({ kind: 'too_fast', retryAfterMs: 5000 });
    expect(readGenericAnswer(401, '', MINUTE)).toMatchObject({ kind: 'permanent' });
  });
});
