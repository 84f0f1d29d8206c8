export type ReportReadErrorCode =
  | 'UNSUPPORTED_FILE_TYPE'
  | 'FILE_CONTENT_MISMATCH'
  | 'EMPTY_FILE'
  | 'UNREADABLE_FILE'
  | 'ARCHIVE_TOO_LARGE'
  | 'SUSPICIOUS_ARCHIVE';

/** A report file that cannot be turned into text; `message` is meant for the person who uploaded it. */
export class ReportReadError extends Error {
  constructor(
    readonly code: ReportReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportReadError';
  }
}
