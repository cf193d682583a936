// The base forms an English word may be listed under in a glossary or a dictionary: its singular (buses → bus,
// cities → city) and, for the few irregular verbs questions about figures use, its present (grew → grow).
const IRREGULAR: Readonly<Record<string, string>> = {
  grew: 'grow',
  grown: 'grow',
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
};

/** The word itself first, then its possible base forms. */
export function englishForms(word: string): string[] {
  const out = [word];
  const irregular = IRREGULAR[word];
  if (irregular) out.push(irregular);
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  return out;
}
