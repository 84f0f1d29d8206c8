import { AppConfig, AppMode } from '../config/app-config';

/** What start-up resolved: validated config plus the concrete database and Redis the process talks to. */
export interface Runtime {
  config: AppConfig;
  mode: AppMode;
  databaseUrl: string;
  redisUrl: string;
  demo: boolean;
}

export const RUNTIME = Symbol('RUNTIME');
