import { resolveJwtSecret } from '../../../src/identity/jwt-secret';
import type { Runtime } from '../../../src/runtime/runtime';

const runtimeWith = (NODE_ENV: string, JWT_SECRET?: string) =>
  ({ config: { NODE_ENV, JWT_SECRET }, demo: false }) as unknown as Runtime;

describe('resolveJwtSecret', () => {
  it('uses JWT_SECRET when configured', () => {
    expect(resolveJwtSecret(runtimeWith('production', 'x'.repeat(40)))).toBe('x'.repeat(40));
  });

  it('generates a different random secret per process outside production', () => {
    const first = resolveJwtSecret(runtimeWith('development'));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveJwtSecret(runtimeWith('test'))).not.toBe(first);
  });

  it('refuses to run in production without JWT_SECRET', () => {
    expect(() => resolveJwtSecret(runtimeWith('production'))).toThrow(/JWT_SECRET/);
  });
});
