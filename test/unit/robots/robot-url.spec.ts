import { robotSecretProblem, robotUrlProblem } from '../../../src/robots/robot-url';

const STRICT = { allowAnyHost: false, allowLoopbackHttp: false };
const DEV = { allowAnyHost: false, allowLoopbackHttp: true };
const TEST = { allowAnyHost: true, allowLoopbackHttp: true };

describe('robot URLs', () => {
  it.each([
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=0123abcd'],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'],
    ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/2c6b6ec3-1a2b-4c5d-9e8f-0123456789ab'],
    ['feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/2c6b6ec3-1a2b-4c5d-9e8f-0123456789ab'],
    ['generic', 'https://hooks.example.gov.cn/rectify'],
  ] as const)('accepts a %s webhook as its console gives it: %s', (vendor, url) => {
    expect(robotUrlProblem(vendor, url, STRICT)).toBeNull();
  });

  it.each([
    ['dingtalk', 'http://oapi.dingtalk.com/robot/send?access_token=x', /https:\/\//],
    ['dingtalk', 'https://oapi.dingtalk.com.evil.cn/robot/send?access_token=x', /不是钉钉群机器人的地址/],
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send', /缺少 access_token/],
    [
      'dingtalk',
      'https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1&sign=y',
      /不含 timestamp、sign/,
    ],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', /缺少 key/],
    ['wecom', 'https://oapi.dingtalk.com/robot/send?access_token=x', /不是企业微信群机器人的地址/],
    ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/', /不是飞书群机器人的地址/],
    ['generic', 'ftp://hooks.example.gov.cn/x', /https:\/\//],
    ['generic', 'not a url', /不是有效的网址/],
    ['generic', 'https://user:pw@hooks.example.gov.cn/x', /用户名或密码/],
  ] as const)('rejects %s %s', (vendor, url, problem) => {
    expect(robotUrlProblem(vendor, url, STRICT)).toMatch(problem);
  });

  it('accepts loopback receivers (http, any path) only outside production, other hosts only when allowed', () => {
    const local = 'http://127.0.0.1:4100/robot/send?access_token=x';
    expect(robotUrlProblem('generic', local, STRICT)).toMatch(/https:\/\//);
    expect(robotUrlProblem('generic', local, DEV)).toBeNull();
    expect(robotUrlProblem('dingtalk', local, DEV)).toBeNull();
    expect(robotUrlProblem('dingtalk', 'https://localhost/dingtalk', DEV)).toBeNull();
    expect(robotUrlProblem('dingtalk', 'https://localhost/dingtalk', STRICT)).toMatch(
      /不是钉钉群机器人的地址/,
    );
    expect(robotUrlProblem('dingtalk', 'https://10.0.0.8/robot/send?access_token=x', DEV)).toMatch(
      /不是钉钉群机器人的地址/,
    );
    expect(robotUrlProblem('dingtalk', local, TEST)).toBeNull();
    expect(robotUrlProblem('dingtalk', 'http://10.0.0.8/robot/send?access_token=x', TEST)).toMatch(
      /https:\/\//,
    );
  });

  it('refuses a secret for WeCom, whose robots are not signed, and secrets with whitespace', () => {
    expect(robotSecretProblem('wecom', 'abc')).toMatch(/企业微信群机器人没有签名密钥/);
    expect(robotSecretProblem('wecom', null)).toBeNull();
    expect(robotSecretProblem('dingtalk', 'SEC abc')).toMatch(/空格/);
    expect(robotSecretProblem('dingtalk', 'SECabc')).toBeNull();
  });
});
