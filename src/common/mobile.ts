import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsOptional, Matches, ValidateIf } from 'class-validator';

/** A mainland China mobile number: 11 digits, 1 then 3–9. Landlines and foreign numbers cannot be @mentioned by robots. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export const MOBILE_MESSAGE = '手机号应为 11 位中国大陆手机号（以 1 开头，第二位为 3–9）';

/** The number as people type it (spaces, dashes, a +86 or 0086 prefix) reduced to its 11 digits; null if not a mobile. */
export function normalizeMobile(input: string | null | undefined): string | null {
  if (!input) return null;
  const digits = input.replace(/[\s-]/g, '').replace(/^(?:\+86|0086)/, '');
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}

/**
 * For DTO fields holding a mobile number: normalizes what was typed, then rejects anything that is not a mainland
 * mobile (null and absent values are left to @IsOptional / @ValidateIf).
 */
export function IsMainlandMobile(): PropertyDecorator {
  const normalize = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (normalizeMobile(value) ?? value) : value,
  );
  const match = Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE });
  return (target: object, property: string | symbol) => {
    normalize(target, property);
    match(target, property);
  };
}

/** An optional mobile field: absent leaves it, null clears it, anything else must be a mainland mobile. */
export function IsOptionalMainlandMobile(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    IsMainlandMobile(),
  );
}
