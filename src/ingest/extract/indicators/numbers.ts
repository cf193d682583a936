// Number parsing for report text: Arabic numerals as written, Chinese numerals (七, 十二, 两千, 百) and
// fractions (三分之二). 万 and 亿 are not parsed as numerals: reports state them as part of the unit (亿元, 万人).

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese numeral below ten thousand is written with. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Value of a Chinese numeral below 10 000 (七 → 7, 十二 → 12, 两千 → 2000, 百 → 100), or null if malformed. */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let pending: number | null = null;
  let lastMultiplier = Infinity;
  for (const char of text) {
    const digit = DIGITS[char];
    // 一百零八, 一千零五十: 零 after a multiplier only holds the empty place.
    if (digit === 0 && pending === null && lastMultiplier !== Infinity) continue;
    if (digit !== undefined) {
      if (pending !== null) return null; // two digits in a row (e.g. 一二) is a list, not a number
      pending = digit;
      continue;
    }
    const multiplier = MULTIPLIERS[char];
    if (multiplier === undefined || multiplier >= lastMultiplier) return null;
    total += (pending ?? 1) * multiplier;
    pending = null;
    lastMultiplier = multiplier;
  }
  if (pending !== null) {
    if (pending === 0 && total === 0) return 0;
    total += pending;
  }
  return total;
}

/** A Chinese numeral with decimals (十一点五 → 11.5), or null. */
export function parseChineseDecimal(text: string): number | null {
  const [whole, fraction] = text.split('点');
  const integer = parseChineseNumeral(whole ?? '');
  if (integer === null || fraction === undefined) return fraction === undefined ? integer : null;
  let digits = '';
  for (const char of fraction) {
    const digit = DIGITS[char];
    if (digit === undefined) return null;
    digits += String(digit);
  }
  return digits ? Number(`${integer}.${digits}`) : null;
}

/** A fraction written out (三分之二 → 2/3, 百分之十一点五 → 0.115), or null. */
export function parseChineseFraction(denominator: string, numerator: string): number | null {
  const d = parseChineseNumeral(denominator);
  const n = parseChineseDecimal(numerator);
  if (d === null || n === null || d === 0) return null;
  return n / d;
}

const ROMAN: Readonly<Record<string, number>> = { Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5, Ⅵ: 6 };

/** Water-quality classes and similar grades are written with Roman numeral characters (Ⅲ类). */
export function parseRomanNumeral(char: string): number | null {
  return ROMAN[char] ?? null;
}

/** Rounds away binary noise (2/3 × 100 → 66.67) so values print and compare as written. */
export function roundValue(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
