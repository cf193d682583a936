// Interface labels in English and Chinese. Static labels carry data-i18n keys; views call t() when they render.
// Document text is never translated: it is the source.
export type Language = 'en' | 'zh';

const LABELS: Record<string, [en: string, zh: string]> = {
  skip: ['Skip to content', '跳到内容'],
  'tab.ask': ['Ask', '提问'],
  'tab.explore': ['Explore', '图谱'],
  'tab.indicators': ['Indicators', '指标'],
  'tab.documents': ['Documents', '文档'],
  'tab.check': ['Check', '核对'],
  'ask.label': ['Question', '问题'],
  'ask.submit': ['Ask', '提问'],
  'ask.intro': [
    'Ask about tasks, places, projects or indicators — in Chinese, or in English with pinyin names. Every answer cites the paragraphs it comes from.',
    '可询问任务、地点、项目或指标，中文或英文（地名可用拼音）。每个回答都注明出处段落。',
  ],
  'ask.searching': ['Searching…', '正在检索……'],
  'ask.entities': ['Entities', '实体'],
  'ask.noEntity': ['No entity recognised in the question.', '问题中未识别出实体。'],
  'ask.tasks': ['Tasks', '任务'],
  'ask.noTask': ['No task found.', '未找到任务。'],
  'ask.passages': ['Passages', '段落'],
  'ask.observations': ['Observations', '数据'],
  'ask.showGraph': ['Show answer in graph', '在图谱中查看'],
  'ask.showInGraph': ['Show in graph', '在图谱中显示'],
  'ask.semanticOff': ['Semantic search is off', '语义检索未启用'],
  'ask.searchedAs': ['searched as', '检索词'],
  'ask.review': ['review', '回顾'],
  'ask.found': ['{tasks:task}, {passages:passage} in {ms} ms', '{tasks} 个任务，{passages} 个段落，用时 {ms} 毫秒'],
  'col.indicator': ['Indicator', '指标'],
  'col.value': ['Value', '数值'],
  'col.kind': ['Kind', '类型'],
  'col.period': ['Period', '期间'],
  'col.document': ['Document', '文档'],
  'col.source': ['Stated as', '原文'],
  'explore.search': ['Find entity', '查找实体'],
  'explore.go': ['Search', '搜索'],
  'explore.path': ['Path', '路径'],
  'explore.hops': ['max hops', '最多步数'],
  'explore.findPath': ['Find path', '查找路径'],
  'explore.depth': ['Expand depth', '展开层数'],
  'explore.document': ['Reports (several with Ctrl)', '报告（按 Ctrl 多选）'],
  'explore.allDocuments': ['All documents', '全部文档'],
  'explore.types': ['Node types (legend)', '节点类型（图例）'],
  'explore.empty': ['Ask a question or find an entity to start the graph.', '提问或查找实体以开始绘制图谱。'],
  'explore.fit': ['Fit', '适应'],
  'explore.relayout': ['Re-layout', '重新布局'],
  'explore.clear': ['Clear', '清空'],
  'explore.clickTwo': ['Click two nodes', '点击两个节点'],
  'explore.clickAnother': ['(click another node)', '（再点击一个节点）'],
  'explore.noMatch': ['No entity matches “{match}”', '没有与“{match}”匹配的实体'],
  'explore.expanded': ['Expanded {name}: {count} new nodes', '已展开 {name}：新增 {count} 个节点'],
  'explore.capped': [
    '{name} has more neighbours than the {limit} shown (capped so the page stays responsive). Filter by type or expand a narrower node.',
    '{name} 的相邻节点超过显示上限 {limit} 个（为保持页面流畅已截断）。可按类型筛选或展开更具体的节点。',
  ],
  'explore.noPath': ['No path within {hops} hops between {from} and {to}', '{from} 与 {to} 之间 {hops} 步内没有路径'],
  'explore.pathFound': ['Path found, {hops:hop}: {steps}', '找到路径，共 {hops} 步：{steps}'],
  'explore.count': ['{nodes:node} · {edges:edge}', '{nodes} 个节点 · {edges} 条边'],
  'explore.hidden': ['{hidden} hidden', '隐藏 {hidden} 个'],
  'explore.answerGraph': [
    'The graph shows the answer’s entities and tasks. Click a node for its source text; double-click or “Expand” to add its neighbours; click two nodes to find a path.',
    '图谱显示回答中的实体和任务。点击节点查看原文；双击或点“展开”添加相邻节点；点击两个节点查找路径。',
  ],
  'details.title': ['Details', '详情'],
  'details.intro': ['Click a node or an edge in the graph to see its properties and source text.', '点击图中的节点或边，查看属性和原文。'],
  'details.expand': ['Expand neighbourhood', '展开相邻节点'],
  'details.loading': ['Loading source text…', '正在加载原文……'],
  'details.mentions': ['Mentions', '提及'],
  'details.tasks': ['Tasks touching it', '相关任务'],
  'details.source': ['Source text', '原文'],
  'details.showParagraph': ['Show paragraph', '显示段落'],
  'details.hops': ['{hops:hop}', '{hops} 步'],
  'details.branches': [', several shortest paths', '，存在多条最短路径'],
  'indicators.filter': ['Indicator', '指标'],
  'indicators.intro': [
    'Pick an indicator to chart its observations over periods, targets and actuals apart, across documents.',
    '选择一个指标，按期间绘制各文档中的数据，目标值与实际值分开显示。',
  ],
  'indicators.none': ['No observation of this indicator.', '该指标没有数据。'],
  'indicators.mentions': ['{n:mention}', '{n} 次提及'],
  'kind.actual': ['actual', '实际'],
  'kind.target': ['target', '目标'],
  'kind.growth': ['growth', '增长'],
  'kind.growth_target': ['growth target', '增长目标'],
  'kind.ratio': ['ratio', '比率'],
  'documents.drop': ['Drop a report here, or press Enter to choose a file', '将报告拖到此处，或按回车选择文件'],
  'documents.token': ['API token (when the server requires one)', 'API 令牌（服务器要求时填写）'],
  'documents.tokenLabel': ['Bearer token', '令牌'],
  'documents.title': ['Title', '标题'],
  'documents.place': ['Place', '地区'],
  'documents.year': ['Delivered', '报告时间'],
  'documents.paragraphs': ['Paragraphs', '段落'],
  'documents.tasks': ['Tasks', '任务'],
  'documents.source': ['File', '文件'],
  'documents.actions': ['Actions', '操作'],
  'documents.delete': ['Delete', '删除'],
  'documents.show': ['Show in graph', '在图谱中显示'],
  'documents.read': ['Read', '阅读'],
  'documents.confirmDelete': ['Delete “{title}” and everything only it supports?', '删除“{title}”及仅由其支持的全部内容？'],
  'documents.uploading': ['Uploading {name}… {percent}%', '正在上传 {name}……{percent}%'],
  'documents.ingesting': ['Ingesting {name}…', '正在导入 {name}……'],
  'documents.ingested': [
    'Ingested “{title}”: {paragraphs:paragraph}, {tasks:task} in {ms} ms',
    '已导入“{title}”：{paragraphs} 个段落，{tasks} 个任务，用时 {ms} 毫秒',
  ],
  'documents.unchanged': ['“{title}” is already stored', '“{title}”已存在'],
  'documents.deleted': ['Deleted “{title}”', '已删除“{title}”'],
  'documents.export': ['Export the graph:', '导出图谱：'],
  'documents.empty': ['No document yet: drop one above.', '还没有文档：请在上方拖入。'],
  'check.label': ['Draft text', '草稿文本'],
  'check.submit': ['Check against earlier reports', '与以往报告核对'],
  'check.checking': ['Checking…', '正在核对……'],
  'check.none': [
    'No checkable claim (figures, targets, projects, deadlines) found in the draft.',
    '草稿中没有可核对的表述（数值、目标、项目、期限）。',
  ],
  'check.evidence': ['Earlier commitment', '以往承诺'],
  'check.noEvidence': ['No earlier statement to compare with.', '没有可比较的以往表述。'],
  'check.summary': ['{claims:claim} checked in {ms} ms', '核对了 {claims} 条表述，用时 {ms} 毫秒'],
  'verdict.consistent': ['consistent', '一致'],
  'verdict.conflict': ['conflict', '冲突'],
  'verdict.weaker_than_commitment': ['weaker than commitment', '弱于承诺'],
  'verdict.novel': ['novel', '新内容'],
  'type.place': ['Place', '地点'],
  'type.project': ['Project', '项目'],
  'type.initiative': ['Initiative', '举措'],
  'type.organization': ['Organisation', '机构'],
  'type.indicator': ['Indicator', '指标'],
  'edge.HAS_SECTION': ['has section', '含章节'],
  'edge.HAS_TASK': ['has task', '含任务'],
  'edge.HAS_PARAGRAPH': ['has paragraph', '含段落'],
  'edge.MENTIONS': ['mentions', '提及'],
  'edge.STATES': ['states', '陈述'],
  'edge.OF': ['of', '属于'],
  'edge.LOCATED_IN': ['located in', '位于'],
  'edge.HAS_PART': ['has part', '包含'],
  'edge.TOUCHES': ['touches', '涉及'],
  'explore.allYears': ['all years', '全部年份'],
  'explore.year': ['Year', '年份'],
  'explore.exportPng': ['PNG image', 'PNG 图片'],
  'explore.exportGraphml': ['GraphML', 'GraphML'],
  'details.acrossReports': ['Across reports', '各报告中的出现'],
  'details.paragraphs': ['{n:paragraph}', '{n} 段'],
  'tab.reader': ['Report', '报告原文'],
  'ask.answer': ['Answer', '回答'],
  'ask.evidence': ['Evidence, by report', '依据（按报告）'],
  'ask.openReport': ['Open in report', '在报告中查看'],
  'ask.why': ['Why this passage', '为何选中此段'],
  'ask.whyFound': ['Found by {retrievers}; relevance {score} (rank {rank}).', '由{retrievers}找到；相关度 {score}（第 {rank} 位）。'],
  'ask.details': ['How the question was read', '问题是如何理解的'],
  'ask.readAs': ['Read as {language}, asking for {intent}, answered in {ms} ms.', '按{language}问题理解，意图：{intent}，用时 {ms} 毫秒。'],
  'ask.nothing': ['Nothing in the stored reports answers this question.', '已收录的报告中没有能回答此问题的内容。'],
  'ask.abstained': ['The reports do not state this; the closest passages are below.', '报告中没有直接说明；下面是最接近的段落。'],
  'ask.targetIs': ['target {values}', '目标{values}'],
  'ask.actualIs': ['actual {values}', '实际{values}'],
  'ask.figureLine': ['{place} {period} {indicator}: {parts}.', '{place}{period}年{indicator}：{parts}。'],
  'ask.tasksLine': ['{count} tasks address this: {titles}.', '共有 {count} 项任务涉及：{titles}。'],
  'ask.passageLine': ['The closest passage is in {report}: “{sentence}”', '最相关的段落出自{report}：“{sentence}”'],
  'ask.allFigures': ['All {n} figures found', '找到的全部 {n} 个数据'],
  'ask.taskOf': ['{report}', '{report}'],
  'ask.found2': ['Answered in {ms} ms', '用时 {ms} 毫秒'],
  'ask.from': ['from {report}', '出自{report}'],
  'retriever.graph': ['the graph', '图谱'],
  'retriever.vector': ['meaning (vectors)', '语义（向量）'],
  'retriever.lexical': ['words (full text)', '关键词（全文）'],
  'retriever.minisearch': ['words (MiniSearch)', '关键词（MiniSearch）'],
  'intent.tasks_touching_entity': ['the tasks involving something', '涉及某事物的任务'],
  'intent.entity_lookup': ['a place, project or organisation', '地点、项目或机构'],
  'intent.indicator_value': ['a figure', '数值'],
  'intent.indicator_comparison': ['figures compared', '数值对比'],
  'intent.relationship': ['how things relate', '事物之间的关系'],
  'intent.semantic_topic': ['a topic', '某一主题'],
  'intent.consistency': ['whether statements agree', '前后表述是否一致'],
  'language.zh': ['a Chinese', '中文'],
  'language.en': ['an English', '英文'],
  'col.place': ['Place', '地区'],
  'reader.pick': ['Pick a report to read.', '选择一份报告阅读。'],
  'reader.outline': ['Outline', '目录'],
  'reader.opening': ['Opening', '开头'],
  'reader.inGraph': ['Show report in graph', '在图谱中显示本报告'],
  'reader.paragraphEntities': ['Named in this paragraph', '本段提到'],
  'reader.chart': ['Chart {name}', '查看“{name}”图表'],
  'reader.source': ['Published at', '发布地址'],
  'reader.legend': [
    'Marked: places, projects, initiatives, organisations and indicators named in the text.',
    '标记：文中提到的地点、项目、举措、机构和指标。',
  ],
  'reader.task': ['Task {number}', '任务 {number}'],
  'indicators.place': ['Place', '地区'],
  'indicators.allPlaces': ['All places', '全部地区'],
  'indicators.actuals': ['Actual figures', '实际值'],
  'indicators.targets': ['Targets', '目标值'],
  'indicators.span': ['a range of years', '多年区间'],
  'indicators.found': ['{n} indicators', '{n} 个指标'],
  'indicators.noMatch': ['No indicator matches “{match}”', '没有与“{match}”匹配的指标'],
  'check.role.commitment': ['Earlier commitment', '以往承诺'],
  'check.role.result': ['Reported result', '已报告的结果'],
  'check.role.related': ['Related passage (no direct commitment)', '相关段落（非直接承诺）'],
  'claim.indicator': ['indicator', '指标'],
  'claim.project': ['project', '项目'],
  'claim.initiative': ['initiative', '举措'],
  'claim.quantity': ['quantity', '数量'],
  'claim.deadline': ['deadline', '期限'],
  'explore.export': ['Export view:', '导出当前视图：'],
  'explore.edgeHint': ['{type}: {from} → {to}', '{type}：{from} → {to}'],
  'explore.noResults': ['Type a name in Chinese, pinyin or English', '输入中文、拼音或英文名称'],
  health: [
    '{documents} documents · {nodes} nodes · semantic search {semantic}',
    '{documents} 个文档 · {nodes} 个节点 · 语义检索{semantic}',
  ],
  on: ['on', '开启'],
  off: ['off', '关闭'],
};

/** A choice made with the toggle wins; otherwise the browser's languages decide (zh-CN, zh-TW … → Chinese). */
function initialLanguage(): Language {
  const chosen = localStorage.getItem('policy-graph-language');
  if (chosen === 'en' || chosen === 'zh') return chosen;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  const first = preferred.find((l) => /^(zh|en)\b/i.test(l)) ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let language: Language = initialLanguage();

export const currentLanguage = () => language;

/** The label in the current language, with {placeholders} filled. */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const pair = LABELS[key];
  const text = pair ? pair[language === 'en' ? 0 : 1] : key;
  // {tasks:task} counts in English: "1 task", "2 tasks".
  return text.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, noun?: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return noun === undefined ? String(value) : `${value} ${noun}${value === 1 ? '' : 's'}`;
  });
}

/** Fills every data-i18n element under root; the toggle button names the other language. */
export function applyLabels(root: ParentNode = document): void {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-Hans';
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = element.dataset.i18n;
    if (key !== undefined) element.textContent = t(key);
  }
  const toggle = document.getElementById('language');
  if (toggle) {
    toggle.textContent = language === 'en' ? '中文' : 'English';
    // The accessible name starts with what the button shows, as speech input users say it.
    toggle.setAttribute('aria-label', `${toggle.textContent} — 切换语言 / switch language`);
  }
}

export function setLanguage(next: Language): void {
  language = next;
  localStorage.setItem('policy-graph-language', next);
  applyLabels();
}
