// Title, year, place and issuer of a report, from its front matter, title line and opening text.
export interface DocumentMeta {
  title: string;
  year: number | null;
  place: string | null;
  issuer: string | null;
  date: string | null;
}

const HEAD_CHARS = 800;
const ADMIN_UNIT = /([\u4e00-\u9fa5]{1,8}?(?:自治区|自治州|特别行政区|省|市|区|县|旗|盟))/g;

function lastAdminUnit(text: string): string | null {
  const units = [...text.matchAll(ADMIN_UNIT)].map((m) => m[1]!);
  return units.at(-1) ?? null;
}

export function documentMeta(normalized: string, frontMatterTitle: string | undefined, fileName: string): DocumentMeta {
  // Line breaks inside the opening lines (e.g. a meeting line wrapped in two) would hide dates and places.
  const head = normalized.slice(0, HEAD_CHARS).replace(/\s+/g, '');
  const firstLines = normalized.slice(0, HEAD_CHARS).split('\n').map((l) => l.trim()).filter(Boolean);
  const titleLine = firstLines.find((l) => /政府工作报告|工作报告|规划|纲要|计划/.test(l) && l.length <= 60);
  const title = frontMatterTitle?.trim() || titleLine?.replace(/\*+/g, '') || firstLines[0] || fileName;

  const meeting = /(\d{4})年(\d{1,2})月(\d{1,2})日在([\u4e00-\u9fa5]{2,20}?)第[一二三四五六七八九十\d]+届/.exec(head);
  const anyDate = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(head);
  const titleYear = /((?:19|20)\d{2})年?/.exec(title);
  const fileYear = /((?:19|20)\d{2})/.exec(fileName);
  const year = Number(meeting?.[1] ?? titleYear?.[1] ?? anyDate?.[1] ?? fileYear?.[1]) || null;
  const date = meeting ? `${meeting[1]}-${meeting[2]!.padStart(2, '0')}-${meeting[3]!.padStart(2, '0')}` : anyDate ? `${anyDate[1]}-${anyDate[2]!.padStart(2, '0')}-${anyDate[3]!.padStart(2, '0')}` : null;

  const issuerMatch = /([\u4e00-\u9fa5]{2,16}?人民政府)/.exec(head);
  // "我代表市人民政府" names the speaker's role, not the issuer: keep only a named government.
  const issuerName = issuerMatch?.[1]?.replace(/^.*代表/, '') ?? null;
  const issuer = issuerName && issuerName.length > '市人民政府'.length ? issuerName : null;
  const titlePlace = lastAdminUnit(title.replace(/政府工作报告.*$/, '').replace(/^\d{4}年/, ''));
  const place = (meeting && lastAdminUnit(meeting[4]!)) || titlePlace || (issuer && lastAdminUnit(issuer.replace(/人民政府$/, ''))) || null;
  // A bare "政府工作报告" says nothing in a list of documents: name it by place and year when both are known.
  const namedTitle = /^(政府)?工作报告$/.test(title) && place && year ? `${place}${year}年${title}` : title;
  return { title: namedTitle, year, place, issuer, date };
}
