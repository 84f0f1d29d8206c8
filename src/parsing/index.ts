export { normalizeText } from './normalize';
export { parseReport } from './parse-report';
export { readReportFile, SUPPORTED_EXTENSIONS } from './read-report';
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
