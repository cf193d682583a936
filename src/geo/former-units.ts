// County- and prefecture-level names of earlier GB/T 2260 revisions (the gb2260 package: 19 revisions, 2002-12 to
// 2016-07) that the current divisions no longer hold: reports of those years write them (郫县, not 郫都区; 襄樊市, not
// 襄阳市). A code still in use under another name is that unit renamed (襄樊市 → 襄阳市: a former name of the current
// unit); a code no longer in use is a former unit of its own, under its prefecture or province if that still exists.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { adminStem } from './admin-stem.ts';
import type { AdminUnit } from './gazetteer-source.ts';

const Revision = z.record(z.string().regex(/^\d{6}$/), z.string());

/** Rows of a revision that are no unit (a municipality's 市辖区) or stand for several (省直辖县级行政单位). */
const PLACEHOLDER = /^(?:市辖区|县|市|郊区|城区|矿区|省直辖.*|自治区直辖.*)$/;

export interface FormerDivisions {
  /** Units whose code is no longer in use, `former: true`. */
  units: AdminUnit[];
  /** Earlier names of units still in use under their code. */
  formerNames: Map<string, string[]>;
}

function readRevisions(): Array<Record<string, string>> {
  const lib = join(dirname(createRequire(import.meta.url).resolve('gb2260/package.json')), 'lib');
  return readdirSync(lib)
    .filter((file) => /^\d{6}\.json$/.test(file))
    .sort()
    .map((file) => Revision.parse(JSON.parse(readFileSync(join(lib, file), 'utf8'))));
}

/**
 * Former names and units against the current units (county level and above; a township of the same name is told
 * apart as any other). A name a current unit bears is that unit's. A former name with the stem of one current unit
 * of its province and level is that unit under an earlier suffix (密云县 → 密云区, 定陶县 → 定陶区); a stem current units of other
 * codes bear (庐山区 beside today's 庐山市) is left to them, as is a common district name (桥东区) a code cannot place.
 */
export function readFormerDivisions(current: AdminUnit[]): FormerDivisions {
  const counted = current.filter((u) => u.level !== 'township');
  const byCode = new Map(counted.map((u) => [u.code, u]));
  const currentNames = new Set(counted.map((u) => u.name));
  const byStem = new Map<string, AdminUnit[]>();
  for (const unit of counted) byStem.set(adminStem(unit.name), [...(byStem.get(adminStem(unit.name)) ?? []), unit]);
  const formerNames = new Map<string, string[]>();
  const addName = (code: string, name: string) => {
    const names = formerNames.get(code) ?? [];
    if (!names.includes(name)) formerNames.set(code, [...names, name]);
  };
  const units = new Map<string, AdminUnit>();
  for (const revision of readRevisions()) {
    for (const [code, name] of Object.entries(revision)) {
      if (code.endsWith('0000') || PLACEHOLDER.test(name) || currentNames.has(name)) continue;
      const sameStem = byStem.get(adminStem(name)) ?? [];
      const unit = byCode.get(code);
      if (unit) {
        if (sameStem.every((u) => u.code === code)) addName(code, name);
        continue;
      }
      const level = code.endsWith('00') ? 'prefecture' : 'county';
      const inProvince = sameStem.filter((u) => u.code.startsWith(code.slice(0, 2)) && u.level === level);
      const [successor] = inProvince;
      if (inProvince.length === 1 && successor) addName(successor.code, name);
      if (sameStem.length || units.has(code)) continue;
      const prefecture = `${code.slice(0, 4)}00`;
      const parentCode = code.endsWith('00') ? null : byCode.has(prefecture) ? prefecture : null;
      units.set(code, {
        code,
        name,
        level,
        parentCode: parentCode ?? `${code.slice(0, 2)}0000`,
        former: true,
      });
    }
  }
  return { units: [...units.values()], formerNames };
}
