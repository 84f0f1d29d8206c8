import { extname } from 'node:path';
import { ArchiveLimits, ArchiveRefusal, checkArchive, DEFAULT_ARCHIVE_LIMITS, isZip } from './archive-limits';
import { decodeText, sniffBinaryFormat } from './decode-text';
import { htmlToReportText } from './docx-text';
import { ReportReadError } from './report-read-error';

export const SUPPORTED_EXTENSIONS = ['.txt', '.docx', '.md'] as const;
export type SupportedExtension = (typeof SUPPORTED_EXTENSIONS)[number];

const SUPPORTED_LIST = '.txt、.docx 或 .md';

/** Turns an uploaded report into raw text, checking that the content really is what the extension says. */
export async function readReportFile(buffer: Buffer, fileName: string): Promise<string> {
  const ext = extname(fileName).toLowerCase();
  if (!isSupported(ext)) {
    throw new ReportReadError(
      'UNSUPPORTED_FILE_TYPE',
      `不支持的文件类型：${ext || '（无扩展名）'}，请上传 ${SUPPORTED_LIST} 文件`,
    );
  }
  if (buffer.length === 0) throw emptyFile();
  const text = ext === '.docx' ? await readDocx(buffer) : readPlainText(buffer, ext);
  if (text.trim() === '') throw emptyFile();
  return ext === '.md' ? stripMarkdown(text) : text;
}

const ARCHIVE_ERRORS = { 'too-large': 'ARCHIVE_TOO_LARGE', suspicious: 'SUSPICIOUS_ARCHIVE' } as const;

/**
 * What a .docx must pass before anything unpacks it (mammoth would unpack a zip bomb until the heap runs out): its
 * archive held to `limits` (checkArchive). Other files pass at once; readReportFile then reads them.
 */
export async function checkReportArchive(
  buffer: Buffer,
  fileName: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<void> {
  if (extname(fileName).toLowerCase() !== '.docx' || !isZip(buffer)) return;
  await checkArchive(buffer, limits).catch((error: unknown) => {
    if (!(error instanceof ArchiveRefusal)) throw error;
    throw error.reason === 'unreadable'
      ? unreadableDocx()
      : new ReportReadError(ARCHIVE_ERRORS[error.reason], error.message);
  });
}

function isSupported(ext: string): ext is SupportedExtension {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(ext);
}

function emptyFile(): ReportReadError {
  return new ReportReadError('EMPTY_FILE', '文件是空的，没有可解析的报告内容');
}

async function readDocx(buffer: Buffer): Promise<string> {
  const format = sniffBinaryFormat(buffer);
  if (format !== 'Word 文档或压缩包') {
    const hint =
      format === '旧版 Word/Excel 文件（.doc/.xls）'
        ? '这是旧版 .doc 格式，请在 Word 中另存为 .docx 后上传'
        : `内容${format ? `是${format}` : '不是 Word 文档'}`;
    throw new ReportReadError('FILE_CONTENT_MISMATCH', `文件内容与扩展名 .docx 不符：${hint}`);
  }
  try {
    // Loaded on first use: most imports are plain text, and every API process would otherwise carry it.
    const { default: mammoth } = await import('mammoth');
    // Images carry no text: left unread, rather than inlined into the HTML as base64.
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return htmlToReportText(result.value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/main document part|word\/document\.xml/i.test(reason)) {
      throw new ReportReadError(
        'FILE_CONTENT_MISMATCH',
        '文件内容与扩展名 .docx 不符：压缩包里没有 Word 正文',
      );
    }
    throw unreadableDocx();
  }
}

function unreadableDocx(): ReportReadError {
  return new ReportReadError('UNREADABLE_FILE', '无法读取该 Word 文档，文件可能已损坏');
}

function readPlainText(buffer: Buffer, ext: string): string {
  const format = sniffBinaryFormat(buffer);
  if (format)
    throw new ReportReadError('FILE_CONTENT_MISMATCH', `文件内容与扩展名 ${ext} 不符：内容是${format}`);
  const decoded = decodeText(buffer);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'binary') {
    throw new ReportReadError('FILE_CONTENT_MISMATCH', `文件内容与扩展名 ${ext} 不符：内容不是文本`);
  }
  throw new ReportReadError('UNREADABLE_FILE', '无法识别文件的文字编码，请另存为 UTF-8 或 GBK 编码的文本');
}

const TABLE_DIVIDER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Markdown syntax would otherwise hide heading markers such as `一、` behind `#` or `1\.`; a table row
 * (`| 序号 | 问题 | 整改措施 |`) becomes tab-separated cells, as a .docx table does.
 */
function stripMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => !/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line) && !TABLE_DIVIDER.test(line))
    .map((line) =>
      tableCells(line)
        .replace(/^\s{0,3}#{1,6}\s*/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s*[-*+]\s+/, '')
        .replace(
          /\*\*([^*\n]+)\*\*|__([^_\n]+)__/g,
          (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '',
        )
        .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1'),
    )
    .join('\n');
}

function tableCells(line: string): string {
  const row = /^\s*\|(.*)\|\s*$/.exec(line);
  return row
    ? row[1]
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .join('\t')
    : line;
}
