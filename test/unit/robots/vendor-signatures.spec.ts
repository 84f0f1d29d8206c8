import { dingtalkSign, dingtalkSignedUrl } from '../../../src/robots/vendors/dingtalk';
import { feishuBody, feishuSign } from '../../../src/robots/vendors/feishu';
import {
  DELIVERY_HEADER,
  generic,
  genericSignature,
  SIGNATURE_HEADER,
} from '../../../src/robots/vendors/generic';
import { composeMessage } from '../../../src/robots/robot-text';

// Expected values computed outside this code, from the vendors' documented algorithms, with openssl:
//   printf '1764400000002\nSECdemo0123456789abcdef' | openssl dgst -sha256 -hmac 'SECdemo0123456789abcdef' -binary | base64
//   printf '' | openssl dgst -sha256 -hmac "$(printf '1764400000\nfeishu-demo-secret')" -binary | base64
//   printf '{"msgtype":"text"}' | openssl dgst -sha256 -hmac 'generic-secret'
const DINGTALK_SECRET = 'SECdemo0123456789abcdef';

describe('DingTalk 加签', () => {
  it.each([
    ['1764400000000', 'hcrVcvHvR3JAP0ZfXqUUIqNPQPfDldRastEOTdLVqD4='],
    ['1764400000002', 'Z87DA47peKSMHhx3aC+rZegjIbmRv4byrxVUoxu+Egc='],
    ['1764400000003', 'jYXXDUYdHxNoEzeQTGB/myE7nr0hcqI/t2vk2N6/img='],
  ])(
    'signs timestamp %s as Base64 HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret',
    (timestamp, sign) => {
      expect(dingtalkSign(DINGTALK_SECRET, timestamp)).toBe(sign);
    },
  );

  it('puts the millisecond timestamp and the URL-encoded sign (+ / = escaped) on the query string', () => {
    const url = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      DINGTALK_SECRET,
      new Date(1764400000002),
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1764400000002&sign=Z87DA47peKSMHhx3aC%2BrZegjIbmRv4byrxVUoxu%2BEgc%3D',
    );
    const slash = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      DINGTALK_SECRET,
      new Date(1764400000003),
    );
    expect(slash).toContain('sign=jYXXDUYdHxNoEzeQTGB%2FmyE7nr0hcqI%2Ft2vk2N6%2Fimg%3D');
  });

  it('leaves the URL alone for a robot secured by keyword or IP instead of a signature', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc123';
    expect(dingtalkSignedUrl(url, null, new Date())).toBe(url);
  });
});

describe('Feishu 签名校验', () => {
  it('signs with HMAC-SHA256 keyed by "timestamp\\nsecret" over an empty message', () => {
    expect(feishuSign('feishu-demo-secret', '1764400000')).toBe(
      'AbduqFZp6PhCzT3VfYlGLGqm6JQL2rYeiVamva67Eqk=',
    );
  });

  it('sends the timestamp in seconds, as a string, and the sign in the body', () => {
    const body = feishuBody(composeMessage([], ''), 'feishu-demo-secret', new Date(1764400000999));
    expect(body).toMatchObject({
      timestamp: '1764400000',
      sign: 'AbduqFZp6PhCzT3VfYlGLGqm6JQL2rYeiVamva67Eqk=',
      msg_type: 'post',
    });
    expect(feishuBody(composeMessage([], ''), null, new Date())).not.toHaveProperty('sign');
  });
});

describe('generic webhook', () => {
  it('signs the exact body as hex HMAC-SHA256', () => {
    expect(genericSignature('{"msgtype":"text"}', 'generic-secret')).toBe(
      'c05e0e61f75cba6e1a9b8947c39576f3b42cbca19c1fb94f7b8ec4fc10eda3e2',
    );
  });

  it('sends the signature of the body it sends and a stable delivery id header', () => {
    const request = generic.request(
      'https://hooks.example.gov.cn/robot',
      'generic-secret',
      composeMessage([], ''),
      {
        now: new Date(),
        deliveryId: 'batch-1',
      },
    );
    expect(request.headers[SIGNATURE_HEADER]).toBe(genericSignature(request.body, 'generic-secret'));
    expect(request.headers[DELIVERY_HEADER]).toBe('batch-1');
    expect(JSON.parse(request.body)).toMatchObject({ msgtype: 'text', deliveryId: 'batch-1' });
  });
});
