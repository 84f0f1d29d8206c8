import * as classValidator from 'class-validator';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { CONSTRAINT_TEXT, createValidationPipe } from '../../../src/common/validation.pipe';

/** The names class-validator reports constraints under: its IS_*-style constants and its validation types. */
function constraintNames(): Set<string> {
  const constants = Object.entries(classValidator)
    .filter(([key, value]) => /^[A-Z][A-Z0-9_]+$/.test(key) && typeof value === 'string')
    .map(([, value]) => value as string);
  return new Set([...constants, ...Object.values(classValidator.ValidationTypes)]);
}

class Probe {
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;
}

async function messageFor(body: object): Promise<string> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Probe });
  } catch (error) {
    return (error as { response: { message: string } }).response.message;
  }
  throw new Error('expected a validation error');
}

describe('validation messages', () => {
  it('names only constraints class-validator reports, so no Chinese text is silently unused', () => {
    const known = constraintNames();
    expect(Object.keys(CONSTRAINT_TEXT).filter((name) => !known.has(name))).toEqual([]);
  });

  it('words an impossible date and a malformed id in Chinese, not as 取值无效', async () => {
    expect(await messageFor({ date: '2025-02-30' })).toBe('请求参数不合法：date必须是 YYYY-MM-DD 格式的日期');
    expect(await messageFor({ unitId: 'not-a-uuid' })).toBe('请求参数不合法：unitId必须是有效的编号');
  });
});
