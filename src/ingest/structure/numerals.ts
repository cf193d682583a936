// Chinese numerals as reports number their parts and items (一 … 十九 … 一百二十一), both ways.
const DIGITS = '零一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105, 两 → 2; NaN for anything else. */
export function chineseNumeral(text: string): number {
  let total = 0;
  let digit = -1;
  for (const char of text.replace(/两/g, '二')) {
    const value = DIGITS.indexOf(char);
    if (value >= 0) {
      digit = value;
      continue;
    }
    const unit = char === '十' ? 10 : char === '百' ? 100 : char === '千' ? 1000 : 0;
    if (!unit) return Number.NaN;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  return total + Math.max(digit, 0);
}

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 130 → 一百三十: any positive integer below 10,000. */
export function numeralOf(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const;
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit) {
      if (pendingZero) out += '零';
      // 十二, not 一十二, when the number starts at the tens.
      out += (size === 10 && digit === 1 && !out ? '' : DIGITS[digit]) + name;
      pendingZero = false;
    } else if (out) pendingZero = true;
  }
  if (rest) out += (pendingZero ? '零' : '') + DIGITS[rest];
  return out;
}
