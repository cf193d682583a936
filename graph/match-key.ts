/** How every GraphStore compares `EntityQuery.match` with pinyin: letters only, lower-cased ("Cao'e Jiang" → caoejiang). */
export function pinyinMatchKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}
