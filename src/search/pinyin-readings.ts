// Every toneless pinyin reading of a name, so a polyphonic character links under each reading people may
// write (厦 is both sha and xia). The canonical key of resolve.ts is one of them.
import { pinyin } from 'pinyin-pro';

/** Combinations beyond this are rare spellings of long names; the canonical reading is always kept. */
const MAX_READINGS = 8;

export function pinyinReadings(name: string): string[] {
  const syllables = pinyin(name, { type: 'all', toneType: 'none', multiple: true }).map((s) => {
    if (!s.isZh) return [s.origin.toLowerCase().replace(/[^a-z0-9]/g, '')];
    const options = s.polyphonic.length ? s.polyphonic : [s.pinyin];
    return [...new Set(options.map((p) => p.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replaceAll('ü', 'v').replace(/[^a-z]/g, '')))];
  });
  let readings = [''];
  for (const options of syllables) {
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, MAX_READINGS);
  }
  return readings.filter(Boolean);
}
