import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load-config';
import { RobotKeyMissingError, resolveRobotKey } from '../../../src/robots/robot-secret-key';
import { SecretCipher, SecretUnreadableError } from '../../../src/robots/secret-cipher';

describe('SecretCipher (AES-256-GCM)', () => {
  const cipher = new SecretCipher(randomBytes(32));

  it('round-trips a secret and never stores it in the clear', () => {
    const sealed = cipher.seal('SECdemo0123456789abcdef', 'robot-1:secret');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('SECdemo');
    expect(cipher.open(sealed, 'robot-1:secret')).toBe('SECdemo0123456789abcdef');
    expect(cipher.seal('same', 'c')).not.toBe(cipher.seal('same', 'c'));
  });

  it('refuses a sealed value moved to another robot or field, tampered with, or opened with another key', () => {
    const sealed = cipher.seal('SECdemo', 'robot-1:secret');
    expect(() => cipher.open(sealed, 'robot-2:secret')).toThrow(SecretUnreadableError);
    expect(() => cipher.open(sealed, 'robot-1:url')).toThrow(SecretUnreadableError);
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      cipher.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'robot-1:secret'),
    ).toThrow(/ROBOT_SECRET_KEY/);
    expect(() => new SecretCipher(randomBytes(32)).open(sealed, 'robot-1:secret')).toThrow(
      SecretUnreadableError,
    );
  });
});

describe('robot key resolution', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'robot-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses ROBOT_SECRET_KEY in base64 or hex', () => {
    const key = randomBytes(32);
    expect(resolveRobotKey(loadConfig({ ROBOT_SECRET_KEY: key.toString('base64') }))).toEqual(key);
    expect(resolveRobotKey(loadConfig({ ROBOT_SECRET_KEY: key.toString('hex') }))).toEqual(key);
  });

  it('creates a private key file once outside production, and every later process reads the same key', () => {
    const file = join(dir, 'nested', 'robot-secret.key');
    const config = loadConfig({ ROBOT_SECRET_KEY_FILE: file });
    const first = resolveRobotKey(config);
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveRobotKey(config)).toEqual(first);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first);
  });

  it('refuses to invent a key in production, where processes must share one', () => {
    const file = join(dir, 'robot-secret.key');
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      ROBOT_SECRET_KEY_FILE: file,
    });
    expect(() => resolveRobotKey(config)).toThrow(RobotKeyMissingError);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, randomBytes(32).toString('hex'));
    expect(resolveRobotKey(config)).toHaveLength(32);
  });
});
