// Width normalisation that maps one code unit to one code unit, so offsets into the normalised text
// are offsets into the original text too: full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space.
export function normalizeWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

const NUMERAL_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const NUMERAL_YEAR = /[一二][〇零一二三四五六七八九]{3}(?=年)/g;

/**
 * Years written digit by digit in Chinese numerals (一九七八年, 二〇二〇年) as Arabic digits, four characters for
 * four, so offsets still hold: old reports date their figures this way, and periods are read from digits.
 */
export function numeralYearsAsDigits(text: string): string {
  return text.replace(NUMERAL_YEAR, (year) => {
    const digits = [...year].map((c) => NUMERAL_DIGITS[c]).join('');
    const value = Number(digits);
    return value >= 1840 && value <= 2100 ? digits : year;
  });
}
