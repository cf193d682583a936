// Provinces and prefecture-level cities a question may name bare — 云南 or "Yunnan" without 省 — read from the
// gazetteer, so a question about a region no stored report covers is recognised whatever the stored reports are.
import { adminStem } from '../geo/admin-stem.ts';
import { gazetteer } from '../geo/gazetteer.ts';
import { pinyinReadings } from './pinyin-readings.ts';

interface RegionNames {
  /** Stem (two characters or more) → full name. */
  chinese: Map<string, string>;
  /** Lower-case pinyin of the stem → full name. */
  english: Map<string, string>;
}

let names: RegionNames | null = null;

export function regionNames(): RegionNames {
  if (names) return names;
  const chinese = new Map<string, string>();
  const english = new Map<string, string>();
  const places = gazetteer();
  for (const unit of [...places.atLevel('province'), ...places.atLevel('prefecture')]) {
    const stem = adminStem(unit.name);
    if (stem.length < 2) continue;
    if (!chinese.has(stem)) chinese.set(stem, unit.name);
    for (const reading of pinyinReadings(stem)) if (!english.has(reading)) english.set(reading, unit.name);
  }
  names = { chinese, english };
  return names;
}

/** Regions a Chinese question names by their stem (云南 in 云南2020年…), as the stem written. */
export function chineseRegionsNamed(question: string): string[] {
  return [...regionNames().chinese.keys()].filter((stem) => question.includes(stem));
}

/** Capitalised words of an English question that spell a region's stem in pinyin ("Yunnan"). */
export function englishRegionsNamed(question: string): string[] {
  const english = regionNames().english;
  return [...new Set(question.match(/\b[A-Z][a-z]+\b/g) ?? [])].filter((word) => english.has(word.toLowerCase()));
}
