// The stored reports by id, and how the UI names one: place and year ("杭州市 2018"), since titles such as
// "2017年政府工作报告" do not say whose report it is. Ids stay internal.
import type { DocumentSummary } from './api.ts';
import { currentLanguage } from './i18n.ts';

/** Fields other helpers add to documents (a display name, the plan year) light up here when present. */
type Report = DocumentSummary & { displayName?: string | null };

let reports = new Map<string, Report>();

export function setReports(list: DocumentSummary[]): void {
  reports = new Map(list.map((d) => [d.id, d]));
}

export function reportOf(id: string): Report | undefined {
  return reports.get(id);
}

export function allReports(): Report[] {
  return [...reports.values()];
}

/** "杭州市 2018年" / "杭州市 2018"; the title when place or year is unknown; a neutral word for an unknown id. */
export function reportName(id: string): string {
  const report = reports.get(id);
  if (!report) return currentLanguage() === 'zh' ? '未知报告' : 'unknown report';
  if (report.displayName) return report.displayName;
  if (report.place && report.year !== null)
    return currentLanguage() === 'zh' ? `${report.place} ${report.year}年` : `${report.place} ${report.year}`;
  return report.title;
}

/** The place a figure speaks of: its own subject place when known, else its report's place. */
export function placeOf(item: { documentId: string; place?: string | null }): string | null {
  return item.place ?? reports.get(item.documentId)?.place ?? null;
}

/** 杭州 and 杭州市 are one place: administrative suffixes are dropped for comparing. */
export function samePlace(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const key = (name: string) => name.replace(/(特别行政区|自治区|自治州|自治县|省|市|区|县|州|盟|旗)$/u, '');
  return key(a) === key(b);
}
