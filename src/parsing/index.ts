export { normalizeText } from './normalize';
export { parseReport } from './parse-report';
export { checkReportArchive, readReportFile, SUPPORTED_EXTENSIONS } from './read-report';
export { DEFAULT_ARCHIVE_LIMITS } from './archive-limits';
export type { ArchiveLimits } from './archive-limits';
export type { SupportedExtension } from './read-report';
export { ReportReadError } from './report-read-error';
export type { ReportReadErrorCode } from './report-read-error';
export { defaultUnitKeywords } from './default-unit-keywords';
export type {
  ItemKind,
  ParseOptions,
  ParseResult,
  ReportItem,
  ReportSection,
  SectionKind,
  UnitKeywords,
} from './types';
