import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Runtime } from '../runtime/runtime';

/** JWT_SECRET, or outside production a per-process random one (tokens then die with the process). */
export function resolveJwtSecret(runtime: Runtime): string {
  if (runtime.config.JWT_SECRET) return runtime.config.JWT_SECRET;
  if (runtime.config.NODE_ENV === 'production') {
    throw new Error('生产环境必须配置 JWT_SECRET（至少 32 个字符）');
  }
  new Logger('Identity').warn(
    '未配置 JWT_SECRET，已为本进程生成随机密钥；重启后所有登录失效，多进程部署时请务必配置',
  );
  return randomBytes(48).toString('base64url');
}
