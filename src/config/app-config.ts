import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsTrustProxy, parseTrustProxy, TrustProxy } from './trust-proxy';

export const APP_MODES = ['api', 'worker', 'all'] as const;
export type AppMode = (typeof APP_MODES)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** Environment variables after defaults from config/defaults.json; validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test';

  @IsIn(APP_MODES)
  APP_MODE: AppMode;

  @IsString()
  HOST: string;

  /**
   * Which reverse proxies may name the client in X-Forwarded-For (hop count or address list): a client must never
   * pick its own address, which would let it dodge the per-address login limit.
   */
  @Transform(parseTrustProxy)
  @IsTrustProxy()
  TRUST_PROXY: TrustProxy;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: '必须是 postgres:// 开头的连接串' })
  DATABASE_URL?: string;

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATIONS_RUN: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE: number;

  @IsString()
  EMBEDDED_PG_DIR: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT: number;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: '必须是 redis:// 开头的连接串' })
  REDIS_URL?: string;

  @Matches(/^[A-Za-z0-9_-]+$/, { message: '只能包含字母、数字、下划线和连字符' })
  QUEUE_PREFIX: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: '长度至少 32 个字符' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_EXPIRES_IN_SECONDS: number;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_EXPIRES_IN_DAYS: number;

  /**
   * Login attempts are counted before the password is checked, per account and per client address, over a window
   * that starts with the first attempt; past either limit the next attempts get 429 until the window ends.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_WINDOW_SECONDS: number;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_ATTEMPTS_PER_ACCOUNT: number;

  /** Higher than per account: a whole office may sit behind one address, and only its failures count. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_ATTEMPTS_PER_ADDRESS: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { message: '只能包含字母、数字、点、下划线和连字符（2–64 位）' })
  ADMIN_USERNAME?: string;

  /** Checked against the password policy when the first administrator is created (AdminBootstrap), never echoed. */
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  /** Name of the organization created together with the first administrator. */
  @IsString()
  @MinLength(1)
  ORG_NAME: string;

  @IsString()
  STORAGE_DIR: string;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES: number;

  /** An uploaded .docx or .xlsx may unpack to this many bytes at most (its central directory and its actual members). */
  @Transform(toInt)
  @IsInt()
  @Min(1024 * 1024)
  @Max(1024 * 1024 * 1024)
  UPLOAD_MAX_UNPACKED_BYTES: number;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100_000)
  UPLOAD_MAX_ARCHIVE_ENTRIES: number;

  /** Unpacked over packed size of one member of an uploaded archive (Word's XML compresses about tenfold). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10_000)
  UPLOAD_MAX_COMPRESSION_RATIO: number;

  /** Worker threads that read and parse uploads, so no upload holds up the event loop. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PARSE_THREADS: number;

  /** V8 heap of each parse thread; an upload that needs more is answered 422 and its thread replaced. */
  @Transform(toInt)
  @IsInt()
  @Min(64)
  @Max(8192)
  PARSE_THREAD_MAX_HEAP_MB: number;

  /** An upload still being read or parsed after this long is answered 422 and its thread terminated. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  PARSE_TIMEOUT_MS: number;

  /** Rows a ledger (.xlsx) import may have. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  IMPORT_MAX_ROWS: number;

  @IsString()
  TIME_ZONE: string;

  /**
   * Whether an API process sweeps today's reminders on start-up (and after the demo seeds) for organizations whose
   * sweep has not run today, so a restart after 08:00 leaves no silent day.
   */
  @Transform(toBool)
  @IsBoolean()
  REMINDER_SWEEP_ON_START: boolean;

  /** Cron pattern of the daily reminder sweep, evaluated in TIME_ZONE. */
  @IsString()
  REMINDER_CRON: string;

  /** Overdue tasks are reminded every day for this many days, then every OVERDUE_CADENCE_DAYS. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  OVERDUE_DAILY_DAYS: number;

  /** Percentage points a task's progress may trail the elapsed share of its schedule before it turns yellow. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  TASK_SCHEDULE_MARGIN_PERCENT: number;

  @Transform(toInt)
  @IsIn([1, 3, 7])
  OVERDUE_CADENCE_DAYS: number;

  /**
   * Ledger pages each API process keeps, serialized, for as long as the tasks of the page's scope (its assignee,
   * unit or leader, else the organization) do not change (about 1 KB a task on the page); 0 runs every request
   * against the database.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  TASK_LIST_CACHE_PAGES: number;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  ESCALATION_LEADER_DAYS: number;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  ESCALATION_PARENT_DAYS: number;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  INACTIVITY_DAYS: number;

  /** Empty means e-mail delivery is off. */
  @ValidateIf((config: AppConfig) => config.SMTP_URL !== '')
  @Matches(/^smtps?:\/\/.+/, { message: '必须是 smtp:// 或 smtps:// 开头的地址' })
  SMTP_URL: string;

  @IsString()
  SMTP_FROM: string;

  /** Empty means the group-robot webhook is off. */
  @ValidateIf((config: AppConfig) => config.WEBHOOK_URL !== '')
  @Matches(/^https?:\/\/.+/, { message: '必须是 http:// 或 https:// 开头的地址' })
  WEBHOOK_URL: string;

  @IsString()
  WEBHOOK_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS: number;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  OUTBOX_POLL_MS: number;

  /**
   * Where people open Rectify (e.g. https://zfjs.example.gov.cn): robot messages link to the task under it.
   * Empty means messages carry no link.
   */
  @ValidateIf((config: AppConfig) => config.PUBLIC_BASE_URL !== '')
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: '必须是 http:// 或 https:// 开头、不带查询参数的地址',
  })
  PUBLIC_BASE_URL: string;

  /**
   * AES-256-GCM key for group robots' URLs and signing secrets at rest: 32 bytes as base64 (44 characters) or hex
   * (64 characters). Empty means the key is read from ROBOT_SECRET_KEY_FILE (created there outside production).
   */
  @ValidateIf((config: AppConfig) => config.ROBOT_SECRET_KEY !== '')
  @Matches(/^(?:[A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, {
    message: '必须是 32 字节的密钥：44 个字符的 base64 或 64 个十六进制字符',
  })
  ROBOT_SECRET_KEY: string;

  @IsString()
  @MinLength(1)
  ROBOT_SECRET_KEY_FILE: string;

  /** Messages one robot may send per ROBOT_RATE_WINDOW_MS (DingTalk and WeCom allow 20 a minute). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ROBOT_RATE_LIMIT: number;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ROBOT_RATE_WINDOW_MS: number;

  /** How long reminders for one robot are collected before they go out together as one message. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  ROBOT_BATCH_WINDOW_MS: number;

  /** Accept robot URLs on any host (local test receivers); otherwise only each vendor's own host. */
  @Transform(toBool)
  @IsBoolean()
  ROBOT_ALLOW_ANY_HOST: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_ATTEMPTS: number;

  /** First retry delay of a failed e-mail/webhook delivery; doubles on every attempt. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  DELIVERY_BACKOFF_MS: number;

  /** E-mail delivery jobs each worker process runs at once (SMTP servers throttle senders that open too many). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_CONCURRENCY_EMAIL: number;

  /** Group-robot delivery jobs each worker process runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_CONCURRENCY_WEBHOOK: number;

  /**
   * How long a worker's claim on a running job lasts unless renewed (every half of it). A worker that dies keeps
   * its jobs for this long before another worker may take them over; too short, and a busy event loop loses them.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_DURATION_MS: number;

  /** How often workers look for running jobs whose claim has expired and put them back in the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  WORKER_STALLED_INTERVAL_MS: number;
}
