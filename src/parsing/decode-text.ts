import iconv from 'iconv-lite';

type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

const SAMPLE_BYTES = 64 * 1024;
const MIN_PLAUSIBILITY = 0.85;

/** Magic numbers of formats people upload by mistake under a text extension. */
const BINARY_SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'Word 文档或压缩包' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Word/Excel 文件（.doc/.xls）' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: '可执行文件' },
];

export function sniffBinaryFormat(buffer: Buffer): string | null {
  const hit = BINARY_SIGNATURES.find(({ bytes }) => bytes.every((b, i) => buffer[i] === b));
  return hit ? hit.what : null;
}

export type DecodeOutcome =
  { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: 'binary' | 'unknown-encoding' };

/** Decodes a plain-text report whatever its encoding: UTF-8 (with or without BOM), UTF-16 LE/BE, GBK/GB18030. */
export function decodeText(buffer: Buffer): DecodeOutcome {
  const bom = encodingFromBom(buffer);
  if (bom)
    return {
      ok: true,
      encoding: bom.encoding,
      text: iconv.decode(buffer.subarray(bom.length), bom.encoding),
    };

  const sample = buffer.subarray(0, SAMPLE_BYTES - (SAMPLE_BYTES % 2));
  // NUL bytes: UTF-16 without BOM (ASCII and many CJK code units have a zero byte) or binary.
  if (sample.includes(0)) {
    const utf16 = mostPlausible(sample, ['utf16le', 'utf16be']);
    return utf16 ? checked(buffer, utf16) : { ok: false, reason: 'binary' };
  }
  if (isValidUtf8(buffer)) return checked(buffer, 'utf8');
  const candidates: TextEncoding[] =
    buffer.length % 2 === 0 ? ['gb18030', 'utf16le', 'utf16be'] : ['gb18030'];
  const best = mostPlausible(sample, candidates);
  return best ? checked(buffer, best) : { ok: false, reason: 'unknown-encoding' };
}

function mostPlausible(sample: Buffer, candidates: TextEncoding[]): TextEncoding | null {
  let best: { encoding: TextEncoding; score: number } | null = null;
  for (const encoding of candidates) {
    const score = plausibility(iconv.decode(sample, encoding));
    if (!best || score > best.score) best = { encoding, score };
  }
  return best && best.score >= MIN_PLAUSIBILITY ? best.encoding : null;
}

function encodingFromBom(buffer: Buffer): { encoding: TextEncoding; length: number } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  if (buffer[0] === 0x84 && buffer[1] === 0x31 && buffer[2] === 0x95 && buffer[3] === 0x33) {
    return { encoding: 'gb18030', length: 4 };
  }
  return null;
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

function checked(buffer: Buffer, encoding: TextEncoding): DecodeOutcome {
  const text = iconv.decode(buffer, encoding);
  if (controlRatio(text) > 0.01) return { ok: false, reason: 'binary' };
  if (plausibility(text.slice(0, SAMPLE_BYTES)) < MIN_PLAUSIBILITY)
    return { ok: false, reason: 'unknown-encoding' };
  return { ok: true, encoding, text };
}

function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls / text.length;
}

/** Share of characters a Chinese report is made of: CJK, ASCII, and their punctuation. */
function plausibility(text: string): number {
  if (text.length === 0) return 1;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x206f) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      c === 0xa0 ||
      c === 0xb7 ||
      c === 0xd7
    ) {
      good++;
    }
  }
  return good / text.length;
}
