import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runParseCommand } from '../../../src/parsing/parse-command';
import { FIXTURES_DIR, SEEDS_DIR } from './support/reports';

const schema = JSON.parse(readFileSync(resolve(__dirname, '../../../docs/parse-result.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The reports in `dir`; none when it is absent (the shared seeds sit beside the checkout only where provided). */
const reports = (dir: string) =>
  (existsSync(dir) ? readdirSync(dir) : [])
    .filter((name) => /\.(txt|md|docx)$/.test(name) && name !== 'README.md')
    .map((name) => join(dir, name));

async function parseOutput(file: string): Promise<unknown> {
  let stdout = '';
  const code = await runParseCommand([file], {
    stdout: (chunk) => (stdout += chunk),
    stderr: () => undefined,
  });
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('docs/parse-result.schema.json, the published shape of `cli parse`', () => {
  it.each(reports(SEEDS_DIR).concat(reports(FIXTURES_DIR)))('describes the output for %s', async (file) => {
    const result = await parseOutput(file);
    validate(result);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('refuses an output with a renamed field (the schema lists every field)', async () => {
    const [first] = reports(SEEDS_DIR).concat(reports(FIXTURES_DIR));
    const { reportYear, ...rest } = (await parseOutput(first)) as Record<string, unknown>;
    expect(validate({ ...rest, year: reportYear })).toBe(false);
    expect(validate.errors?.map((error) => error.message)).toEqual(
      expect.arrayContaining([
        "must have required property 'reportYear'",
        'must NOT have additional properties',
      ]),
    );
  });
});
