// Node labels of the graph model, their colours and Chinese names; shared by the graph, legend and panels.
export const LABELS = ['Document', 'Section', 'Task', 'Paragraph', 'Place', 'Project', 'Initiative', 'Organization', 'Indicator', 'Observation'] as const;

const LABEL_COLOURS: Record<string, string> = {
  Document: '#475569',
  Section: '#7c3aed',
  Task: '#2563eb',
  Paragraph: '#94a3b8',
  Place: '#059669',
  Project: '#d97706',
  Initiative: '#db2777',
  Organization: '#0891b2',
  Indicator: '#dc2626',
  Observation: '#65a30d',
};

export const LABEL_NAMES_ZH: Record<string, string> = {
  Document: '文档', Section: '章节', Task: '任务', Paragraph: '段落', Place: '地点', Project: '项目',
  Initiative: '举措', Organization: '机构', Indicator: '指标', Observation: '数据',
};

/** Entity types in answers and /api/entities are lower case ("place"); graph labels are capitalised ("Place"). */
export function labelOfEntityType(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

export function colourOf(label: string): string {
  return LABEL_COLOURS[label] ?? '#64748b';
}

/** Canvas text needs the CJK face named explicitly, or Chinese labels fall back to boxes on minimal systems. */
export const FONT_STACK = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
