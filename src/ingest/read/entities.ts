// HTML character references, as they occur in government pages and in Markdown converted from them.
// The named ones are the entities such pages actually use; an unknown name is left in the text as written.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  permil: '‰',
  prime: '′',
  Prime: '″',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  sbquo: '‚',
  bdquo: '„',
  times: '×',
  divide: '÷',
  plusmn: '±',
  minus: '−',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  deg: '°',
  micro: 'µ',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  yen: '¥',
  cent: '¢',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
  para: '¶',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  lArr: '⇐',
  rArr: '⇒',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  Omega: 'Ω',
};

const CHARACTER_REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

export interface DecodedReference {
  text: string;
  /** Length of the reference in the source, e.g. 7 for `&mdash;`. */
  length: number;
}

/** Decodes the character reference starting at `offset` (which holds '&'), if it is one we know. */
export function decodeReferenceAt(source: string, offset: number): DecodedReference | undefined {
  CHARACTER_REFERENCE.lastIndex = offset;
  const match = CHARACTER_REFERENCE.exec(source);
  if (match === null) return undefined;
  const [whole, decimal, hex, name] = match;
  if (name !== undefined) {
    const text = NAMED_ENTITIES[name];
    return text === undefined ? undefined : { text, length: whole.length };
  }
  const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return { text: valid ? String.fromCodePoint(codePoint) : '\ufffd', length: whole.length };
}
