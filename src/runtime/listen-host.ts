import type { AppConfig } from '../config/app-config';

export const LOOPBACK = '127.0.0.1';

/**
 * The address the HTTP server listens on: HOST when it is set; otherwise the default (0.0.0.0), except for a demo,
 * whose logins are published in the README and which therefore stays on this machine.
 */
export function listenHost(config: AppConfig, demo: boolean, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.HOST !== undefined && env.HOST !== '';
  return demo && !explicit ? LOOPBACK : config.HOST;
}
