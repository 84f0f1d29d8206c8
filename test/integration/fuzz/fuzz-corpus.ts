import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import {
  docxWith,
  nestedDocxBomb,
  repeatedDeflate,
  repetitiveDocxBomb,
  zipArchive,
} from '../../support/zip-bombs';

/** Members past which an archive is suspicious, in the runs that generate bombs with many members. */
export const FUZZ_ARCHIVE_ENTRIES = 200;
export const ZIP_BOMB = 'zip bomb';

/** One generated upload: a file name (its extension steers the reader) and the raw bytes. */
export interface FuzzFile {
  label: string;
  name: string;
  buffer: Buffer;
}

/** mulberry32: tiny seeded PRNG so a failing case reproduces from FUZZ_SEED. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const bytes = (length: number) => {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = int(256);
    return out;
  };
  return { next, int, pick, bytes };
}

type Random = ReturnType<typeof prng>;

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123);

const FIXTURE_DIR = join(__dirname, '../../fixtures/reports');
const CJK = '整改问题措施计划落实责任单位年度报告镇政府党委巡察审计龘𠀋〇一二三四五六七八九十（）、。；：“”';
const CONTROL = '\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u200b\u200e\u202e\ufeff\ufffd\u2028\r';

export function seedTexts(): Array<{ name: string; text: string }> {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => /\.(txt|md)$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(FIXTURE_DIR, name), 'utf8') }));
}

export async function buildDocx(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }],
  });
  return Packer.toBuffer(doc);
}

function mutateText(random: Random, text: string): string {
  const chars = Array.from(text);
  const ops = 1 + random.int(4);
  for (let op = 0; op < ops; op++) {
    const at = random.int(chars.length + 1);
    switch (random.int(5)) {
      case 0: // cut a slice out
        chars.splice(at, random.int(200));
        break;
      case 1: // duplicate a slice
        chars.splice(at, 0, ...chars.slice(at, at + random.int(300)));
        break;
      case 2: // random CJK
        chars.splice(
          at,
          0,
          ...Array.from({ length: 1 + random.int(30) }, () => random.pick(Array.from(CJK))),
        );
        break;
      case 3: // control and invisible characters
        chars.splice(
          at,
          0,
          ...Array.from({ length: 1 + random.int(10) }, () => random.pick(Array.from(CONTROL))),
        );
        break;
      default: // keep only a prefix
        chars.length = Math.max(0, at);
    }
  }
  return chars.join('');
}

function flipBits(random: Random, buffer: Buffer, flips: number): Buffer {
  const out = Buffer.from(buffer);
  for (let i = 0; i < flips && out.length; i++) out[random.int(out.length)] ^= 1 << random.int(8);
  return out;
}

function nestedMarkdown(random: Random): string {
  const depth = 200 + random.int(3000);
  switch (random.int(6)) {
    case 0:
      return `${'>'.repeat(depth)} 一、存在的问题\n`;
    case 1:
      return Array.from({ length: Math.min(depth, 800) }, (_, i) => `${'  '.repeat(i)}- 第${i}项问题`).join(
        '\n',
      );
    case 2:
      return `${'<div>'.repeat(depth)}整改措施${'</div>'.repeat(depth)}`;
    case 3:
      return `${'['.repeat(depth)}问题${']('.repeat(depth)}x${')'.repeat(depth)}`;
    case 4:
      return `${'**_'.repeat(depth)}计划${'_**'.repeat(depth)}\n${'#'.repeat(depth)} 标题`;
    default:
      return `${'`'.repeat(depth)}\n${'|a|b|\n|-|-|\n'.repeat(depth / 10)}`;
  }
}

/**
 * The fuzz corpus: `count` files cycling through the generators, deterministic for a given seed.
 * `maxBytes` is the upload limit; a few files exceed it on purpose.
 */
export async function generateCorpus(seed: number, count: number, maxBytes: number): Promise<FuzzFile[]> {
  const random = prng(seed);
  const seeds = seedTexts();
  const docxSeeds = await Promise.all(seeds.slice(0, 3).map((s) => buildDocx(s.text)));
  const binaryExts = ['.txt', '.docx', '.md', '.pdf', '.exe', '', '.TXT', '.Docx'];
  const generators: Array<(i: number) => FuzzFile | Promise<FuzzFile>> = [
    (i) => {
      const s = random.pick(seeds);
      return {
        label: `mutated ${s.name}`,
        name: `m${i}${s.name.endsWith('.md') ? '.md' : '.txt'}`,
        buffer: Buffer.from(mutateText(random, s.text)),
      };
    },
    (i) => {
      const s = random.pick(seeds);
      return {
        label: `gbk mutated ${s.name}`,
        name: `g${i}.txt`,
        buffer: iconv.encode(mutateText(random, s.text), 'gbk'),
      };
    },
    (i) => {
      const s = random.pick(seeds);
      return {
        label: `bit-flipped ${s.name}`,
        name: `f${i}.txt`,
        buffer: flipBits(random, Buffer.from(s.text), 1 + random.int(20)),
      };
    },
    (i) => {
      const docx = random.pick(docxSeeds);
      return {
        label: 'truncated docx',
        name: `t${i}.docx`,
        buffer: docx.subarray(0, random.int(docx.length)),
      };
    },
    (i) => ({
      label: 'bit-flipped docx',
      name: `b${i}.docx`,
      buffer: flipBits(random, random.pick(docxSeeds), 1 + random.int(8)),
    }),
    (i) => {
      const ext = random.pick(binaryExts);
      return { label: `random bytes ${ext}`, name: `r${i}${ext}`, buffer: random.bytes(random.int(4096)) };
    },
    (i) => ({ label: 'nested markdown', name: `n${i}.md`, buffer: Buffer.from(nestedMarkdown(random)) }),
    (i) => {
      const which = random.int(4);
      if (which === 0) return { label: 'docx named .txt', name: `z${i}.txt`, buffer: random.pick(docxSeeds) };
      if (which === 1)
        return {
          label: 'text named .docx',
          name: `z${i}.docx`,
          buffer: Buffer.from(random.pick(seeds).text),
        };
      if (which === 2) return { label: 'docx named .md', name: `z${i}.md`, buffer: random.pick(docxSeeds) };
      return {
        label: 'pdf header named .txt',
        name: `z${i}.txt`,
        buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), random.bytes(200)]),
      };
    },
    (i) => {
      const ext = random.pick(['.txt', '.md', '.docx']);
      const blank = random.pick(['', ' ', '\n\n\t ', '\ufeff', '\u3000\u3000']);
      return { label: `empty ${ext}`, name: `e${i}${ext}`, buffer: Buffer.from(blank) };
    },
    (i) => {
      // One long line, under the limit (mostly) — the parser must stay linear on it.
      const unit = random.pick(['整改落实到位', 'a', '一、', '（1）问题', '2025年12月底前完成']);
      const size =
        random.int(10) === 0 ? maxBytes + 1 + random.int(4096) : 4096 + random.int(maxBytes - 8192);
      const repeated = Buffer.from(unit.repeat(Math.ceil(size / Buffer.byteLength(unit)))).subarray(0, size);
      return { label: `long line ${size}B`, name: `l${i}.txt`, buffer: repeated };
    },
    (i) => {
      // Each small enough for the upload limit: the archive limits, not the size limit, must stop them.
      const which = random.int(4);
      const name = `zb${i}.docx`;
      if (which === 0)
        return {
          label: `${ZIP_BOMB}: repetitive XML`,
          name,
          buffer: repetitiveDocxBomb(10 + random.int(10)),
        };
      if (which === 1)
        return {
          label: `${ZIP_BOMB}: nested tables`,
          name,
          buffer: nestedDocxBomb(50_000 + random.int(50_000)),
        };
      if (which === 2) {
        const xml = repeatedDeflate('<w:body>', '<w:p/>'.repeat(100_000), 8 + random.int(12), '</w:body>');
        return { label: `${ZIP_BOMB}: larger than it claims`, name, buffer: docxWith(xml, 64 * 1024) };
      }
      const members = Array.from({ length: FUZZ_ARCHIVE_ENTRIES + 1 + random.int(50) }, (_, m) => ({
        name: `word/m${m}.xml`,
        content: Buffer.from('<a/>'),
        stored: true,
      }));
      return { label: `${ZIP_BOMB}: too many members`, name, buffer: zipArchive(members) };
    },
    (i) => ({
      label: 'over-size',
      name: `o${i}.${random.pick(['txt', 'docx', 'md'])}`,
      buffer: Buffer.alloc(maxBytes + 1 + random.int(2048), 0x41),
    }),
  ];
  const files: FuzzFile[] = [];
  for (let i = 0; i < count; i++) files.push(await generators[i % generators.length](i));
  return files;
}

/** The structural checks every 4xx must pass: the error shape with a Chinese message. */
export function isErrorShape(status: number, body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { statusCode, code, message } = body as Record<string, unknown>;
  return (
    statusCode === status &&
    typeof code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(code) &&
    typeof message === 'string' &&
    /[\u4e00-\u9fff]/.test(message)
  );
}
