import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';

const MARKED_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\(\s*[一二三四五六七八九十]{1,3}\s*\)|\d{1,2}[.、．])/;

/** The same report as a Word document, one paragraph per line. */
export async function asDocx(text: string): Promise<Buffer> {
  const paragraphs = text.split(/\r?\n/).map((line) => new Paragraph({ text: line }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

export const encodings = {
  gbk: (text: string) => iconv.encode(text, 'gbk'),
  utf16leWithBom: (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
  utf16leWithoutBom: (text: string) => iconv.encode(text, 'utf16le'),
  utf16beWithBom: (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]),
  utf8WithBom: (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
};

export const rewrites = {
  crlf: (text: string) => text.replace(/\r?\n/g, '\r\n'),
  halfWidthBrackets: (text: string) => text.replace(/（/g, '(').replace(/）/g, ')'),
  fullWidthDigits: (text: string) =>
    text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  ideographicIndentAndBlankLines: (text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => `\u3000\u3000${line}  `)
      .join('\n\n\n'),
  /** Numbered heading lines that end with 。 lose it. */
  headingsWithoutStop: (text: string) =>
    text
      .split('\n')
      .map((line) =>
        MARKED_HEADING.test(line.trim()) && /^[^。]*。\s*$/.test(line) ? line.replace(/。\s*$/, '') : line,
      )
      .join('\n'),
  /** Numbered heading lines that end without punctuation get a 。. */
  headingsWithStop: (text: string) =>
    text
      .split('\n')
      .map((line) =>
        MARKED_HEADING.test(line.trim()) && !/[。；：:，,！？]\s*$/.test(line) && !/。/.test(line)
          ? `${line.trimEnd()}。`
          : line,
      )
      .join('\n'),
};
