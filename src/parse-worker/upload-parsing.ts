import { extname, join } from 'node:path';
import { HttpStatus } from '@nestjs/common';
import { DomainError, InvalidInputError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { checkReportArchive, ParseOptions, ParseResult, ReportReadError } from '../parsing';
import { ArchiveLimits, ArchiveRefusal, checkArchive } from '../parsing/archive-limits';
import { LedgerSheet } from './ledger-sheet';
import { ParseJob, ParseReply, SheetRow, ThreadError } from './parse-jobs';
import { ThreadFailure, ThreadPool } from './thread-pool';

export interface UploadParsingSettings {
  archive: ArchiveLimits;
  threads: number;
  maxHeapMb: number;
  timeoutMs: number;
  maxLedgerRows: number;
}

/** Jobs per thread that may wait for one; an upload beyond that is answered 503 at once. */
const WAITING_PER_THREAD = 8;

let settings: UploadParsingSettings | null = null;
let pool: ThreadPool | null = null;
/** The applications in this process that parse uploads (one in production; tests may run several at once). */
const owners = new Set<object>();

export function uploadParsingSettings(config: AppConfig): UploadParsingSettings {
  return {
    archive: {
      maxUnpackedBytes: config.UPLOAD_MAX_UNPACKED_BYTES,
      maxEntries: config.UPLOAD_MAX_ARCHIVE_ENTRIES,
      maxCompressionRatio: config.UPLOAD_MAX_COMPRESSION_RATIO,
    },
    threads: config.PARSE_THREADS,
    maxHeapMb: config.PARSE_THREAD_MAX_HEAP_MB,
    timeoutMs: config.PARSE_TIMEOUT_MS,
    maxLedgerRows: config.IMPORT_MAX_ROWS,
  };
}

/**
 * Sets the limits of the process's parse threads, which start on the first upload (UploadParsingModule calls this at
 * start-up with the validated configuration). One set of limits per process: settings that differ from the current
 * ones replace them, and the threads started under the old ones end.
 */
export function configureUploadParsing(owner: object, next: UploadParsingSettings): void {
  owners.add(owner);
  if (settings !== null && JSON.stringify(settings) === JSON.stringify(next)) return;
  void pool?.close();
  pool = null;
  settings = next;
}

/** Ends the parse threads once the last application that configured them is gone. */
export async function releaseUploadParsing(owner: object): Promise<void> {
  owners.delete(owner);
  if (owners.size > 0) return;
  const closing = pool;
  pool = null;
  settings = null;
  await closing?.close();
}

/**
 * An uploaded report as text, read in a parse thread: a .docx is held to the archive limits first, here, so a zip
 * bomb is refused (413 ARCHIVE_TOO_LARGE, 422 SUSPICIOUS_ARCHIVE) before any thread or library unpacks it. Unreadable
 * input rejects with a ReportReadError, as readReportFile does.
 */
export async function readReportUpload(buffer: Buffer, fileName: string): Promise<string> {
  await checkReportArchive(buffer, fileName, current().archive).catch((error: unknown) => {
    if (error instanceof ReportReadError && error.code === 'ARCHIVE_TOO_LARGE')
      throw new DomainError(error.code, error.message, HttpStatus.PAYLOAD_TOO_LARGE);
    if (error instanceof ReportReadError && error.code === 'SUSPICIOUS_ARCHIVE')
      throw new DomainError(error.code, error.message, HttpStatus.UNPROCESSABLE_ENTITY);
    throw error;
  });
  return runJob<string>({ kind: 'read-report', buffer, fileName });
}

/** parseReport in a parse thread. */
export function parseReportText(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  return runJob<ParseResult>({ kind: 'parse-report', text, options });
}

/** The 整改台账 worksheet of an uploaded .xlsx, read in a parse thread after the archive limits let it through. */
export async function readLedgerSheet(buffer: Buffer): Promise<LedgerSheet> {
  const { archive, maxLedgerRows } = current();
  await checkArchive(buffer, archive).catch((error: unknown) => {
    if (!(error instanceof ArchiveRefusal) || error.reason === 'unreadable') throw unreadableLedger();
    throw refusal(error);
  });
  return new LedgerSheet(await runJob<SheetRow[]>({ kind: 'read-ledger', buffer, maxRows: maxLedgerRows }));
}

function current(): UploadParsingSettings {
  if (!settings)
    throw new Error('上传解析尚未配置：应用启动时由 UploadParsingModule 调用 configureUploadParsing');
  return settings;
}

function threads(): ThreadPool {
  const { threads: size, maxHeapMb, timeoutMs } = current();
  pool ??= new ThreadPool({
    // parse-thread.js when built, parse-thread.ts from the sources.
    script: join(__dirname, `parse-thread${extname(__filename)}`),
    size,
    maxHeapMb,
    timeoutMs,
    maxWaiting: size * WAITING_PER_THREAD,
  });
  return pool;
}

async function runJob<T>(job: ParseJob): Promise<T> {
  const reply = await threads()
    .run<ParseReply<T>>(job)
    .catch((error: unknown) => {
      throw error instanceof ThreadFailure ? threadFailure(error) : error;
    });
  if (reply.ok) return reply.value;
  throw threadError(reply.error);
}

function refusal(error: unknown): unknown {
  if (!(error instanceof ArchiveRefusal)) return error;
  return error.reason === 'too-large'
    ? new DomainError('ARCHIVE_TOO_LARGE', error.message, HttpStatus.PAYLOAD_TOO_LARGE)
    : new DomainError('SUSPICIOUS_ARCHIVE', error.message, HttpStatus.UNPROCESSABLE_ENTITY);
}

function unreadableLedger(): InvalidInputError {
  return new InvalidInputError('IMPORT_INVALID', '无法读取 Excel 文件，请上传 .xlsx 格式的整改台账');
}

function threadError(error: ThreadError): Error {
  switch (error.kind) {
    case 'report-read':
      return new ReportReadError(error.code, error.message);
    case 'ledger-unreadable':
      return unreadableLedger();
    case 'ledger-without-sheet':
      return new InvalidInputError('IMPORT_INVALID', 'Excel 文件中没有工作表');
    case 'ledger-too-long':
      return new DomainError(
        'IMPORT_TOO_LARGE',
        `台账有 ${error.rows} 行，超过 ${current().maxLedgerRows} 行的上限，请分批导入`,
        HttpStatus.PAYLOAD_TOO_LARGE,
      );
  }
}

function threadFailure(failure: ThreadFailure): Error {
  switch (failure.reason) {
    case 'timeout':
      return new DomainError(
        'PARSE_TIMEOUT',
        `文件解析超过 ${Math.round(current().timeoutMs / 1000)} 秒仍未完成，已中止：文件可能过于复杂或已损坏，请另存为新文件后重试`,
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    case 'memory':
      return new DomainError(
        'PARSE_MEMORY_EXCEEDED',
        '解析该文件所需的内存超出限制，已中止：请删去大图片或拆分后再上传',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    case 'busy':
      return new DomainError('PARSER_BUSY', '正在解析的文件过多，请稍后再试', HttpStatus.SERVICE_UNAVAILABLE);
    default:
      return failure;
  }
}
