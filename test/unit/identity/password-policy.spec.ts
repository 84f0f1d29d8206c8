import { DomainError } from '../../../src/common/domain-error';
import { assertStrongPassword, passwordWeakness } from '../../../src/identity/password-policy';

describe('password policy', () => {
  it.each([
    ['12345678', /常见|连续/],
    ['password', /常见/],
    ['        ', /空格/],
    ['P@ssw0rd', /变形/],
    ['qwertyui', /键盘|常见/],
    ['11111111', /常见|重复/],
    ['short1!', /至少需要 8 个字符/],
  ])('refuses %j and says why in Chinese', (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it('refuses a password made of the user’s own name', () => {
    expect(passwordWeakness('wangxiaoming', ['wangxiaoming', '王小明'])).toMatch(/用户名或姓名/);
    expect(passwordWeakness('wangxiaoming')).toBeNull();
  });

  it.each(['Demo@2026', 'fixture-password-123', 'chief-password-1', 'zhangsan2024', 'brand-new-pass'])(
    'accepts an ordinary strong-enough password %j',
    (password) => {
      expect(passwordWeakness(password)).toBeNull();
    },
  );

  it('throws 400 WEAK_PASSWORD with the reason as message', () => {
    let caught: unknown;
    try {
      assertStrongPassword('12345678');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'WEAK_PASSWORD', statusCode: 400 });
    expect((caught as Error).message).toMatch(/^密码过于简单/);
  });
});
