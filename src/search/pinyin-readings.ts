// Every toneless pinyin reading of a name, so a polyphonic character links under each reading people may
// write (厦 is both sha and xia). The canonical key of resolve.ts is one of them.
import { pinyin } from 'pinyin-pro';

/** Combinations beyond this are rare spellings of long names; the canonical reading is always kept. */
const MAX_READINGS = 8;

/**
 * Readings already computed: every question spells the stored reports' places (scope, abstention), 1,659 reports' worth
 * of pinyin-pro calls that cost 12 ms per question; the names are few and the readings never change.
 */
const known = new Map<string, readonly string[]>();
const MAX_KNOWN = 50_000;

export function pinyinReadings(name: string): string[] {
  let readings = known.get(name);
  if (!readings) {
    if (known.size >= MAX_KNOWN) known.clear();
    readings = readingsOf(name);
    known.set(name, readings);
  }
  return [...readings];
}

function readingsOf(name: string): string[] {
  const syllables = pinyin(name, { type: 'all', toneType: 'none', multiple: true }).map((s) => {
    if (!s.isZh) return [s.origin.toLowerCase().replace(/[^a-z0-9]/g, '')];
    const options = s.polyphonic.length ? s.polyphonic : [s.pinyin];
    return [
      ...new Set(
        options.map((p) =>
          p
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()
            .replaceAll('ü', 'v')
            .replace(/[^a-z]/g, ''),
        ),
      ),
    ];
  });
  let readings = [''];
  for (const options of syllables) {
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, MAX_READINGS);
  }
  return readings.filter(Boolean);
}
