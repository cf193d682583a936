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
