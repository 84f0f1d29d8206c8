import { randomBytes } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { projectRoot } from '../config/project-root';

/** The deployment lacks a usable ROBOT_SECRET_KEY: a configuration fault, reported as such to admins and on messages. */
export class RobotKeyMissingError extends DomainError {
  constructor(message: string) {
    super('ROBOT_KEY_MISSING', message, HttpStatus.INTERNAL_SERVER_ERROR);
  }
}

/** 32 bytes from base64 (44 characters) or hex (64 characters); the config validation admits only these forms. */
export function decodeRobotKey(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
}

/**
 * The key that seals robot URLs and secrets: ROBOT_SECRET_KEY, else the file ROBOT_SECRET_KEY_FILE (relative paths
 * from the project root, so api and worker processes started from anywhere share it). Outside production a missing
 * file is created with a random key, so development needs no setup; in production the key must be provided, because
 * processes on different machines would each make their own and fail to read each other's robots.
 */
export function resolveRobotKey(config: AppConfig): Buffer {
  if (config.ROBOT_SECRET_KEY) return decodeRobotKey(config.ROBOT_SECRET_KEY);
  const file = isAbsolute(config.ROBOT_SECRET_KEY_FILE)
    ? config.ROBOT_SECRET_KEY_FILE
    : resolve(projectRoot(), config.ROBOT_SECRET_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;
  if (config.NODE_ENV === 'production')
    throw new RobotKeyMissingError(
      `未配置 ROBOT_SECRET_KEY，也没有密钥文件 ${file}：生产环境请设置 32 字节的密钥（如 openssl rand -base64 32 的输出）`,
    );
  return createKeyFile(file);
}

function readKeyFile(file: string): Buffer | null {
  try {
    const key = decodeRobotKey(readFileSync(file, 'utf8'));
    if (key.length !== 32)
      throw new RobotKeyMissingError(`密钥文件 ${file} 的内容不是 32 字节的 base64 或十六进制密钥`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Written aside and hard-linked into place: processes starting together all end up with the one file that won. */
function createKeyFile(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readKeyFile(file)!;
}
