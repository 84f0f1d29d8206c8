const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  〇: 0,
  零: 0,
  两: 2,
};

/** Value of a small Chinese numeral such as 三, 十二, 二十一; NaN when it is not one. */
export function chineseNumber(numeral: string): number {
  if (numeral.length === 0) return NaN;
  const ten = numeral.indexOf('十');
  if (ten < 0) return numeral.length === 1 && numeral in DIGITS ? DIGITS[numeral] : NaN;
  const tens = ten === 0 ? 1 : DIGITS[numeral.slice(0, ten)];
  const rest = numeral.slice(ten + 1);
  const units = rest === '' ? 0 : DIGITS[rest];
  if (tens === undefined || units === undefined || rest.length > 1 || ten > 1) return NaN;
  return tens * 10 + units;
}

/** 1-based value of a number written with ASCII digits, Chinese numerals or circled digits. */
export function markerValue(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  const code = raw.charCodeAt(0);
  if (raw.length === 1 && code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return chineseNumber(raw);
}
