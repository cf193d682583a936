// How many of a report's own subordinate units (the gazetteer children of its place) the extraction recognised,
// out of those the text writes in full or bare form.
import { adminStem } from '../geo/admin-stem.ts';
import { gazetteer } from '../geo/gazetteer.ts';

export interface OwnUnitShare {
  written: string[];
  recognised: string[];
  share: number;
}

/** `recognisedCodes`: gazetteer codes of the place entities mentioned in the report. */
export function ownUnitShare(placeCode: string, text: string, recognisedCodes: Set<string>): OwnUnitShare {
  const written = gazetteer()
    .children(placeCode)
    .filter((u) => text.includes(u.name) || text.includes(adminStem(u.name)));
  const recognised = written.filter((u) => recognisedCodes.has(u.code));
  return {
    written: written.map((u) => u.name),
    recognised: recognised.map((u) => u.name),
    share: written.length ? recognised.length / written.length : 1,
  };
}
