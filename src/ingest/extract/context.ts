// What every extractor sees: the document's paragraphs in width-normalised form with their structural context.
export interface ExtractionParagraph {
  id: string;
  /** Width-normalised paragraph text (see normalize.ts): same length as the original, so offsets carry over. */
  text: string;
  /** Absolute offset of text[0] in the document. */
  charStart: number;
  /** Titles of the enclosing part, section and numbered item, outermost first (e.g. ["2017年政府主要工作安排", "经济建设方面", "突出招商引资"]). */
  headings: string[];
  /** Number of the enclosing numbered item (task), if any. */
  taskNumber: number | null;
}

export interface ExtractionContext {
  documentId: string;
  /** Year of the document (the year it was delivered), e.g. 2017. */
  year: number | null;
  /** The year its plan is for: the year after `year` for a report delivered in the winter before (国务院 1981). */
  planYear?: number | null;
  /** The issuing place, e.g. 杭州市. */
  place: string | null;
  /** Gazetteer code of the issuing place: which units the report may name bare. */
  placeCode?: string | null;
  paragraphs: ExtractionParagraph[];
}
