import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { AppConfig } from './app-config';
import { findProjectFile } from './project-root';

export class ConfigError extends Error {}

let defaults: Record<string, string> | undefined;

function loadDefaults(): Record<string, string> {
  defaults ??= JSON.parse(readFileSync(findProjectFile('config/defaults.json'), 'utf8')) as Record<
    string,
    string
  >;
  return defaults;
}

/** Merges config/defaults.json with the environment and validates; the first invalid variable stops start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const merged: Record<string, string | undefined> = { ...loadDefaults() };
  for (const key of Object.keys(merged).concat([
    'DATABASE_URL',
    'REDIS_URL',
    'JWT_SECRET',
    'ADMIN_USERNAME',
    'ADMIN_PASSWORD',
  ])) {
    const value = env[key];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const config = plainToInstance(AppConfig, merged);
  const [error] = validateSync(config, { forbidUnknownValues: false });
  if (error) {
    const reason = describeConstraint(error.constraints ?? {});
    throw new ConfigError(`配置项 ${error.property} 的值 "${String(error.value)}" 无效：${reason}。`);
  }
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError('配置项 JWT_SECRET 未设置：生产环境必须提供至少 32 个字符的密钥。');
  }
  return config;
}

const CONSTRAINT_REASONS: Record<string, string> = {
  isInt: '必须是整数',
  min: '小于允许的最小值',
  max: '大于允许的最大值',
  isBoolean: '必须是 true 或 false',
  isString: '必须是字符串',
};

const RANGE_CONSTRAINTS = new Set(['min', 'max', 'minLength']);

function describeConstraint(constraints: Record<string, string>): string {
  // A value of the wrong type also fails range checks; name the type problem first.
  const entries = Object.entries(constraints);
  const [name, message] = entries.find(([key]) => !RANGE_CONSTRAINTS.has(key)) ??
    entries[0] ?? ['', '取值无效'];
  if (name === 'isIn') return `必须是以下之一：${message.replace(/^.*following values: /, '')}`;
  return CONSTRAINT_REASONS[name] ?? message;
}
