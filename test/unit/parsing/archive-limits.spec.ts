import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ArchiveRefusal, checkArchive, DEFAULT_ARCHIVE_LIMITS } from '../../../src/parsing/archive-limits';
import {
  docxWith,
  nestedDocxBomb,
  repeatedDeflate,
  repetitiveDocxBomb,
  sharedStringsXlsxBomb,
  zipArchive,
} from '../../support/zip-bombs';

const FIXTURES = join(__dirname, '../../fixtures/reports');
const refusal = (buffer: Buffer, limits = DEFAULT_ARCHIVE_LIMITS) =>
  checkArchive(buffer, limits).then(
    () => null,
    (error: unknown) => (error instanceof ArchiveRefusal ? error.reason : error),
  );

describe('checkArchive: a .docx or .xlsx is held to its limits before anything unpacks it', () => {
  // Generating and inflating hundreds of megabytes takes a few seconds on a busy machine.
  jest.setTimeout(60_000);

  test('real Word and Excel files pass', async () => {
    for (const name of ['town-auto-numbered.docx', 'street-ledger-table.docx'])
      expect(await refusal(readFileSync(join(FIXTURES, name)))).toBeNull();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('整改台账');
    for (let i = 0; i < 2000; i++)
      sheet.addRow([`任务${i}`, '执法人员业务水平有待提高', '党政办', '2025-06-30']);
    expect(await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toBeNull();
  });

  test('more unpacked bytes than allowed is too large: a 300 MB document in a 1 MB file', async () => {
    const bomb = repetitiveDocxBomb(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(bomb)).toBe('too-large');
    expect(await refusal(sharedStringsXlsxBomb(300))).toBe('too-large');
  });

  test('a member packed more densely than the ratio allows is suspicious, within the size limit too', async () => {
    expect(await refusal(repetitiveDocxBomb(20))).toBe('suspicious');
    expect(await refusal(nestedDocxBomb(100_000))).toBe('suspicious');
    // The same 20 MB pass once the ratio allows them: it is the ratio that refused them.
    expect(
      await refusal(repetitiveDocxBomb(20), { ...DEFAULT_ARCHIVE_LIMITS, maxCompressionRatio: 10_000 }),
    ).toBeNull();
  });

  test('too many members is suspicious', async () => {
    const members = Array.from({ length: 2001 }, (_, i) => ({
      name: `m${i}.xml`,
      content: Buffer.from('<a/>'),
    }));
    expect(await refusal(zipArchive(members))).toBe('suspicious');
    expect(await refusal(zipArchive(members.slice(0, 2000)))).toBeNull();
  });

  test('a member that inflates to more than its directory claims is caught while inflating', async () => {
    const document = repeatedDeflate('<w:body>', '<w:p/>'.repeat(2000), 2000, '</w:body>');
    // Claims 1 MB (a ratio of about 1); unpacks to 24 MB.
    const liar = docxWith(document, 1024 * 1024);
    expect(await refusal(liar, { ...DEFAULT_ARCHIVE_LIMITS, maxCompressionRatio: 10_000 })).toBe(
      'suspicious',
    );
    expect(
      await refusal(docxWith(document), { ...DEFAULT_ARCHIVE_LIMITS, maxCompressionRatio: 10_000 }),
    ).toBeNull();
  });

  test('a damaged archive is unreadable', async () => {
    const docx = readFileSync(join(FIXTURES, 'town-auto-numbered.docx'));
    expect(await refusal(docx.subarray(0, docx.length - 30))).toBe('unreadable');
  });
});
