import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsMainlandMobile, normalizeMobile } from '../../../src/common/mobile';

class PhoneDto {
  @IsOptional()
  @IsMainlandMobile()
  phone?: string;
}

const check = (phone: unknown) => {
  const dto = plainToInstance(PhoneDto, { phone });
  return { dto, errors: validateSync(dto) };
};

describe('mainland mobile numbers', () => {
  it.each([
    ['13800001111', '13800001111'],
    ['138 0000 1111', '13800001111'],
    ['138-0000-1111', '13800001111'],
    ['+8619912345678', '19912345678'],
    ['008615012345678', '15012345678'],
  ])('reads %s as %s', (input, digits) => {
    expect(normalizeMobile(input)).toBe(digits);
  });

  it.each(['12800001111', '1380000111', '138000011112', '0371-12345678', '', null])('rejects %p', (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });

  it('validates and normalizes a DTO field, with a Chinese message', () => {
    const ok = check('138 0000 1111');
    expect(ok.errors).toEqual([]);
    expect(ok.dto.phone).toBe('13800001111');
    const bad = check('0371-12345678');
    expect(Object.values(bad.errors[0].constraints ?? {})).toEqual([
      expect.stringContaining('11 位中国大陆手机号'),
    ]);
    expect(check(undefined).errors).toEqual([]);
  });
});
