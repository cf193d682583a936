// Layouts the dev gold's tune half and corpus surveys showed: bold unnumbered parts over 一、 sections, glossaries
// and annexes after the report, intro statements before a heading-less list, announcement lines in bold.
import { describe, expect, it } from 'vitest';
import { normalizeWidth } from '../../src/ingest/normalize.ts';
import { headingHorizon, parseStructure } from '../../src/ingest/structure.ts';
import { yearsIn } from '../../src/ingest/structure/horizon.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function structureOf(lines: string[], boldLines: string[] = []) {
  const text = lines.join('\n');
  const bold = boldLines.map((l) => {
    const at = text.indexOf(`${l}\n`) >= 0 ? text.indexOf(`${l}\n`) : text.lastIndexOf(l);
    return { charStart: at, charEnd: at + l.length };
  });
  return { text, ...parseStructure({ documentId: 'doc', text, normalized: normalizeWidth(text), boldLines: bold, planYear: 2014 }) };
}

const lead = (text: string, charStart: number) => text.slice(charStart, charStart + 8);

describe('bold unnumbered parts over 一、 sections', () => {
  const review = ['2013年工作回顾', '一、农牧业基础进一步夯实', '三、民生显著改善'] as const;
  const plan = [
    '2014年工作安排',
    '今年，我们将抓好以下重点工作：',
    '一、着力夯实农牧业和基础设施两个基础',
    '二、着力推进特色产业',
  ] as const;
  const own = ['加强政府自身建设', '一、切实改进作风'] as const;
  const { text, sections, tasks } = structureOf(
    [
      '各位代表：',
      review[0],
      review[1],
      '农牧业基础地位不断提升。全面落实强农惠农富农政策，财政支农资金增长。',
      '生态建设成效显著。各级政府和社会各界生态环境保护意识明显增强。',
      review[2],
      '就业和社会保障力度加大。坚持把维护各族群众根本利益放在最高位置。',
      '教育事业健康发展。全年教育投入108亿元，增长15%，办学条件改善。',
      plan[0],
      plan[1],
      plan[2],
      '农牧业和基础设施在我区发展稳定全局中居于基础地位。没有农牧区的小康，就没有全区的小康。',
      '加快构建新型农牧业经营体系。不断提高农牧业组织化程度和生产经营水平。',
      '着力破解基础设施瓶颈制约。实施项目带动战略，加快推进重大项目建设。',
      plan[3],
      '重点推动特色优势产业发展。按照建设重要战略资源储备基地的要求推进。',
      '全力打造旅游升级版。召开旅游产业发展大会，推进旅游业转型升级。',
      own[0],
      own[1],
      '坚决贯彻中央八项规定。改进会风文风，精简会议文件，提高行政效率。',
      '严格执行廉洁从政各项规定。加强审计监督，严格控制一般性支出。',
    ],
    [...review, ...plan, ...own],
  );
  const parts = sections.filter((s) => s.level === 'part');

  it('takes the bold lines naming a period as the parts and the 一、 headings as their sections', () => {
    expect(parts.map((p) => [p.title, p.horizon])).toEqual([
      ['2013年工作回顾', 'review'],
      ['2014年工作安排', 'year'],
      ['加强政府自身建设', 'other'],
    ]);
    expect(sections.filter((s) => s.parentPath === expectDefined(parts[1]).path).map((s) => s.title)).toEqual([
      '着力夯实农牧业和基础设施两个基础',
      '着力推进特色产业',
    ]);
  });

  it("lists the plan sections' lead paragraphs as year tasks, without the intro statement or the bold announcement", () => {
    expect(tasks.filter((t) => t.horizon === 'year').map((t) => lead(text, t.charStart))).toEqual([
      '加快构建新型农牧',
      '着力破解基础设施',
      '重点推动特色优势',
      '全力打造旅游升级',
    ]);
    expect(tasks.filter((t) => t.horizon === 'review')).toHaveLength(4);
  });
});

describe('unnumbered plain parts over 一、 sections (markup lost)', () => {
  it('takes short unpunctuated lines as the parts when they open each run of 一、 numbering', () => {
    const { sections } = structureOf([
      '各位代表：',
      '2009年工作回顾',
      '一、全力应对挑战',
      '经济企稳回升，全年增长10%，各项指标好于预期。',
      '二、加强基础设施建设',
      '完成投资800亿元，交通条件明显改善。',
      '2010年奋斗目标和主要任务',
      '一、加快项目建设',
      '加快推进重大项目，保持投资持续快速增长。',
      '二、加快产业结构调整',
      '促进工业经济快速发展，提升服务业水平。',
      '保障措施',
      '一、深化改革开放',
      '增强发展的动力和活力，推进重点领域改革。',
      '二、推进科技进步',
      '提高自主创新能力，加快成果转化。',
    ]);
    expect(sections.filter((s) => s.level === 'part').map((p) => [p.title, p.horizon])).toEqual([
      ['2009年工作回顾', 'review'],
      ['2010年奋斗目标和主要任务', 'year'],
      ['保障措施', 'year'],
    ]);
  });
});

describe('appendices and statements', () => {
  it('makes a glossary after the plan a part of its own (other), whatever its numbering', () => {
    const { sections, tasks } = structureOf(
      [
        '一、2021年工作回顾',
        '去年经济运行稳中向好，各项事业取得新进展。',
        '二、2022年主要任务',
        '1．稳增长。推进重大项目建设。',
        '2．促改革。深化重点领域改革。',
        '名词解释',
        '1．“双减”政策：减轻义务教育阶段学生作业负担和校外培训负担。',
        '2．“千兆城市”：千兆5G和千兆光网协同发展的典型城市。',
      ],
      ['名词解释'],
    );
    expect(sections.filter((s) => s.level === 'part').map((s) => [s.title, s.horizon])).toEqual([
      ['2021年工作回顾', 'review'],
      ['2022年主要任务', 'year'],
      ['名词解释', 'other'],
    ]);
    expect(tasks.filter((t) => t.horizon === 'year').map((t) => t.title)).toEqual(['稳增长', '促改革']);
    expect(
      ['名词解释', '《政府工作报告》有关名词解释', '附件1', '附录一：《政府工作报告》名词解释'].map((h) => headingHorizon(h, 2022)),
    ).toEqual(['other', 'other', 'other', 'other']);
  });

  it('keeps a list of parallel statements (就业是民生之本。保障是民生之基。) as tasks', () => {
    const { tasks } = structureOf([
      '一、今年主要任务',
      '（一）着力解决民生问题',
      '就业是民生之本。深化更加积极的就业政策，继续实施稳定岗位、职业培训。',
      '保障是民生之基。继续完善保基本、广覆盖、多层次的社会保障体系。',
      '住房是民生之要。坚持以居住为主，健全住房保障体系。',
    ]);
    expect(tasks.map((t) => t.title)).toEqual(['就业是民生之本', '保障是民生之基', '住房是民生之要']);
  });

  it('does not read discourse openers (综合分析，… / 总起来讲，…) as list leads', () => {
    const { tasks } = structureOf([
      '一、今年的目标要求',
      '综合分析，落实这些目标要求，既有支撑条件也面临着困难挑战。从全国看，经济韧性强。',
      '总起来讲，实现预期性指标要跳起摸高，完成约束性指标要承压负重。我们要树立底线思维。',
    ]);
    expect(tasks).toEqual([]);
  });

  it('names government governance as a part of its own (other)', () => {
    expect(['全面提升政府治理能力和水平', '扎实提升政府治理能力'].map((h) => headingHorizon(h, 2022))).toEqual(['other', 'other']);
  });
});

describe('run-in items, parallel paragraphs and lists after an interlude', () => {
  it('splits （1）…（2）…（3）… run in one paragraph into sibling tasks with exact offsets; the paragraph points to the first', () => {
    const { text, tasks, paragraphs } = structureOf([
      '一、今年主要任务',
      '（一）补齐民生短板。人民对美好生活的向往就是我们的奋斗目标。',
      '（1）畅通城市路网，完善二环高架体系。（2）提升公交服务功能，新增新能源公交车。（3）推进供热网源互联互通，启动智慧供热。',
    ]);
    const items = tasks.filter((t) => t.category === '补齐民生短板');
    expect(items.map((t) => [t.number, t.title, t.parentId])).toEqual([
      [1, '畅通城市路网，完善二环高架体系', null],
      [2, '提升公交服务功能，新增新能源公交车', null],
      [3, '推进供热网源互联互通，启动智慧供热', null],
    ]);
    expect(items.map((t) => text.slice(t.charStart, t.charEnd))).toEqual([
      '（1）畅通城市路网，完善二环高架体系。',
      '（2）提升公交服务功能，新增新能源公交车。',
      '（3）推进供热网源互联互通，启动智慧供热。',
    ]);
    const paragraph = expectDefined(paragraphs.find((p) => p.text.startsWith('（1）')));
    expect(paragraph.taskId).toBe(expectDefined(items[0]).id);
  });

  it('takes paragraphs of a section that open with the same word as items even with long first sentences', () => {
    const { tasks } = structureOf([
      '一、今年主要任务',
      '（一）培育壮大新动能。发展是硬道理。',
      '坚持项目牵动和投资拉动并重，存量生成与增量引进同步，切实增强经济发展后劲。把产业项目建设作为实现振兴发展的突破口，集中力量抓好重大项目。',
      '坚持以农业供给侧结构性改革为主线，加快构建现代农业产业体系、生产体系、经营体系。通过提升农产品市场价值，实现农业增效、农民增收。',
      '坚持补齐供给短板与引入外部需求协同发力，加快释放服务业发展潜能。夏季旅游重点突出避暑休闲，冬季旅游突出冰雪体验。',
    ]);
    expect(tasks.map((t) => t.title)).toEqual([
      '坚持项目牵动和投资拉动并重，存量生成与增量引进同步，切实增强经济发展后劲',
      '坚持以农业供给侧结构性改革为主线，加快构建现代农业产业体系、生产体系、经营体系',
      '坚持补齐供给短板与引入外部需求协同发力，加快释放服务业发展潜能',
    ]);
  });

  it('finds a lead list after the sections of a part, past a 各位代表！ interlude, but not in the closing words', () => {
    const { tasks } = structureOf([
      '一、今年主要任务',
      '（一）稳增长。推进重大项目建设，扩大有效投资。',
      '（二）促改革。深化重点领域改革，激发市场活力。',
      '各位代表！',
      '新征程新使命，对政府工作提出了新的更高要求，各级政府要坚决落实。',
      '深入推进依法行政。严格遵守宪法法律，自觉接受同级人大及其常委会的监督。',
      '全面提高行政效能。围绕贯彻好、落实好党中央决策部署，完善政策执行机制。',
      '各位代表！',
      '过去一年，国防和军队建设取得新的成绩。我们要继续贯彻新时代强军目标。',
    ]);
    expect(tasks.map((t) => t.title)).toEqual(['稳增长', '促改革', '深入推进依法行政', '全面提高行政效能']);
  });
});

describe('lists inside lists', () => {
  it('keeps a 一是 chain going past a （1） list inside one of its links, and puts that list under the link', () => {
    const { tasks } = structureOf([
      '一、今年主要任务',
      '（一）办好民生实事。一是富民工程。（1）提高养老金待遇水平。（2）提高城乡低保标准。二是就业创业工程。（1）城镇新增就业8万人。（2）扶持创业1万人。',
    ]);
    const byTitle = new Map(tasks.map((t) => [t.title, t]));
    // The section is made of its 一是 chain: the links are its tasks, the section their category.
    expect(tasks.map((t) => [t.number, t.title])).toEqual([
      [1, '富民工程'],
      [1, '提高养老金待遇水平'],
      [2, '提高城乡低保标准'],
      [2, '就业创业工程'],
      [1, '城镇新增就业8万人'],
      [2, '扶持创业1万人'],
    ]);
    expect(expectDefined(byTitle.get('富民工程')).parentId).toBeNull();
    expect(expectDefined(byTitle.get('富民工程')).category).toBe('办好民生实事');
    expect(expectDefined(byTitle.get('提高城乡低保标准')).parentId).toBe(expectDefined(byTitle.get('富民工程')).id);
    expect(expectDefined(byTitle.get('扶持创业1万人')).parentId).toBe(expectDefined(byTitle.get('就业创业工程')).id);
  });
});

describe('task offsets', () => {
  it('ends a task with the line before its next sibling, never inside it', () => {
    const { text, tasks } = structureOf([
      '一、今年主要任务',
      '1．稳增长。推进重大项目建设。',
      '全年投资增长8%。',
      '2．促改革。深化重点领域改革。',
    ]);
    expect(tasks.map((t) => text.slice(t.charStart, t.charEnd))).toEqual([
      '1．稳增长。推进重大项目建设。\n全年投资增长8%。',
      '2．促改革。深化重点领域改革。',
    ]);
  });
});

describe('old reports', () => {
  it('reads years written in Chinese numerals in headings (一九八九年工作的回顾)', () => {
    expect(yearsIn('一九八九年工作的回顾，二〇〇一年，二零一零年，2017年')).toEqual([1989, 2001, 2010, 2017]);
    expect(['一九九三年的工作', '一九九四年的主要任务'].map((h) => headingHorizon(h, 1994))).toEqual(['review', 'year']);
  });

  it('does not take a chain of questions (一是…能不能…？二是…？) for tasks', () => {
    const { tasks } = structureOf([
      '一、今年的任务',
      '稳住经济关键看几条：一是粮食能不能有一个好收成？二是工业能不能保持适度的增长？三是物价能不能避免大的波动？',
    ]);
    expect(tasks).toEqual([]);
  });
});

describe('announcements', () => {
  it('takes an announcement naming this year as the year plan even when it mentions the last five years', () => {
    const { tasks } = structureOf([
      '一、过去五年工作回顾',
      '五年来，全省经济持续健康发展，综合实力明显增强。',
      '二、今年工作建议',
      '结合近五年工作的体会，对今年政府工作提出以下建议：',
      '（一）坚决打好三大攻坚战。防范化解重大风险。',
      '（二）深化供给侧结构性改革。推动高质量发展。',
    ]);
    expect(tasks.map((t) => [t.title, t.horizon])).toEqual([
      ['坚决打好三大攻坚战', 'year'],
      ['深化供给侧结构性改革', 'year'],
    ]);
  });
});

describe('layouts of the structure-check draw', () => {
  it('takes a plain line naming a period as a part when the other part is a bold period line (markup lost on one)', () => {
    const { sections } = structureOf(
      [
        '各位代表：',
        '2013年工作回顾',
        '（一）经济平稳增长',
        '全年生产总值增长9%，财政收入增长12%，各项指标好于预期。',
        '（二）民生持续改善',
        '新增就业3万人，城乡居民收入稳步提高。',
        '2014年总体要求和主要任务',
        '今年是全面深化改革的开局之年，做好今年的工作意义重大。',
        '（一）加快产业转型升级',
        '推进工业技术改造，培育新兴产业，提高服务业比重。',
        '（二）保障和改善民生',
        '办好十件民生实事，扩大就业，完善社会保障。',
      ],
      ['2013年工作回顾'],
    );
    expect(sections.filter((s) => s.level === 'part').map((p) => [p.title, p.horizon])).toEqual([
      ['2013年工作回顾', 'review'],
      ['2014年总体要求和主要任务', 'year'],
    ]);
  });

  it("makes the links of an enumeration that follows a section's intro paragraphs and runs to its end its tasks", () => {
    const { text, tasks } = structureOf([
      '各位代表：',
      '一、2014年工作安排',
      '（一）全力推进开放平台建设',
      '开放平台建设上升为国家战略，给我市带来前所未有的机遇，我们要抓住机遇，乘势而上，争取更大作为。',
      '我们一定要深刻领会上级部署，进一步明确自身定位，突出优势领域，强化服务功能，努力走在前列。',
      '要全力抓好开局之年的四项工作。一是编制平台建设总体规划，明确功能布局；二是研究争取配套支持政策；三是培育一批重大支撑项目；四是完善口岸和通关设施。',
      '（二）扩大有效投资',
      '加快重大项目建设，全年完成固定资产投资500亿元以上，保持投资合理增长。',
    ]);
    const year = tasks.filter((t) => t.horizon === 'year');
    expect(year.map((t) => lead(text, t.charStart))).toEqual([
      '一是编制平台建设',
      '二是研究争取配套',
      '三是培育一批重大',
      '四是完善口岸和通',
      '（二）扩大有效投',
    ]);
    expect(expectDefined(year[0]).category).toBe('全力推进开放平台建设');
  });

  it('reads 首先…第二，…第三， as one enumeration, and 首先 inside a running 第一，第二， chain as no new start', () => {
    const { text, tasks } = structureOf([
      '各位代表：',
      '一、2014年工作安排',
      '（一）发展教育事业',
      '要坚持教育优先发展。首先，要认真贯彻义务教育法，普及九年义务教育；第二，要调整教育结构，大力发展职业教育；第三，要提高教育质量，加强教师队伍建设。',
      '（二）发展科学事业',
      '科学事业有三个特点。第一，规模扩大了，研究机构增加；第二，水平提高了，首先是老的研究机构有了新的发展；第三，队伍壮大了，青年科学工作者成长起来。',
    ]);
    expect(tasks.filter((t) => t.horizon === 'year').map((t) => lead(text, t.charStart))).toEqual([
      '首先，要认真贯彻',
      '第二，要调整教育',
      '第三，要提高教育',
      '第一，规模扩大了',
      '第二，水平提高了',
      '第三，队伍壮大了',
    ]);
  });

  it("does not take an action sentence before a section's first lead paragraph for an item: it introduces them", () => {
    const { text, tasks } = structureOf([
      '各位代表：',
      '一、2014年主要任务',
      '（一）扩大内需',
      '继续落实积极的财政政策和稳健的货币政策的各项措施，把扩大内需作为经济工作的战略基点。',
      '促进投资稳定增长。全年完成固定资产投资800亿元，重点抓好交通、能源和水利项目。',
      '努力扩大消费需求。增加城乡居民收入，培育信息、养老和旅游等消费热点。',
      '加快服务业发展。推进现代物流、金融和商贸服务业集聚发展，提高服务业比重。',
    ]);
    expect(tasks.filter((t) => t.horizon === 'year').map((t) => lead(text, t.charStart))).toEqual([
      '促进投资稳定增长',
      '努力扩大消费需求',
      '加快服务业发展。',
    ]);
  });

  it("reads a section heading whose opening bracket was lost with the line's first character (二）…)", () => {
    const { sections } = structureOf([
      '各位代表：',
      '一、2014年主要任务',
      '（一）推进创新发展，增强转型动能。',
      '提升自主创新能力。建设科技园区，培育高新技术企业。',
      '二）推进协调发展，放大联动格局。',
      '加强区域联动发展。融入城市群，推进交通和产业对接。',
    ]);
    expect(sections.filter((s) => s.level === 'section').map((s) => s.title)).toEqual([
      '推进创新发展，增强转型动能',
      '推进协调发展，放大联动格局',
    ]);
  });

  it("takes a run-in section's opening paragraph of work as the first item when a lead paragraph follows it", () => {
    const { text, tasks } = structureOf([
      '各位代表：',
      '一、2014年主要任务',
      '（一）加快发展科技和教育。抓好科研院所改革试点，推动科研机构转制为企业。制定促进科技成果转化的政策措施。建设一批工程技术研究中心。加强知识产权保护，鼓励企业加大研发投入，全社会研发经费增长15%以上，重点支持电子信息、新材料和生物医药领域的关键技术攻关，推动产学研合作。继续实施人才引进计划，完善科技人员激励机制，落实股权和分红奖励政策，办好科技成果交易会，培育技术市场和科技中介服务机构。加快建设大学科技园和创业孵化基地，支持中小企业开展技术创新活动。',
      '坚持优先发展教育。巩固义务教育成果，加快发展职业教育，扩大高等教育规模，提高教育质量。',
      '（二）切实关心群众生活。各级政府都要把群众的冷暖放在心上。',
    ]);
    expect(tasks.filter((t) => t.horizon === 'year').map((t) => [lead(text, t.charStart), t.category])).toEqual([
      ['（一）加快发展科', '加快发展科技和教育'],
      ['坚持优先发展教育', '加快发展科技和教育'],
      ['（二）切实关心群', '一、2014年主要任务'.slice(2)],
    ]);
  });
});

describe('layouts of the reports of 2000 and before', () => {
  it('takes two heading lines naming periods before the first 一、 as the parts when only the plan numbers its chapters', () => {
    const { sections, tasks, text } = structureOf([
      '各位代表：',
      '2013年工作的回顾',
      '2013年是极不平凡的一年。全市生产总值增长9%，财政收入增长12%。',
      '一年来，我们着力抓好了扩大内需、调整结构等工作。',
      '2014年的主要任务',
      '2014年是具有特殊意义的一年，我们要突出抓好以下十个方面的工作。',
      '一、强化农业基础，全面发展农村经济',
      '加快农业结构调整。发展高效生态农业，提高农民收入水平。',
      '推进农业产业化经营。培育龙头企业，完善利益联结机制。',
      '二、加大结构调整力度，提高工业经济素质',
      '加快技术改造步伐。全年完成技改投资120亿元，推进重点项目。',
      '大力发展高新技术产业。建设科技园区，培育一批骨干企业和创新型企业。',
      '各位代表，做好今年的工作，必须切实加强政府自身建设。一是坚持全心全意为人民服务的宗旨，转变工作作风；二是加强政府工作制度建设，自觉接受监督；三是坚持廉洁从政，加大反腐败力度。',
    ]);
    expect(sections.filter((s) => s.level === 'part').map((p) => [p.title, p.horizon])).toEqual([
      ['2013年工作的回顾', 'review'],
      ['2014年的主要任务', 'year'],
    ]);
    const year = tasks.filter((t) => t.horizon === 'year').map((t) => lead(text, t.charStart));
    expect(year).toEqual([
      '加快农业结构调整',
      '推进农业产业化经',
      '加快技术改造步伐',
      '大力发展高新技术',
      '一是坚持全心全意',
      '二是加强政府工作',
      '三是坚持廉洁从政',
    ]);
  });
});

describe('a section named only by the plan its year serves', () => {
  it('reads 努力实现“十一五”规划良好开局 by its opening lines (今年…) as the year plan', () => {
    const { sections } = structureOf(
      [
        '各位代表：',
        '“十五”时期工作回顾',
        '五年来，全区经济快速发展，综合实力明显增强，人民生活不断改善。',
        '“十一五”发展目标和主要任务',
        '一、坚持发展主题，着力推进富裕建设',
        '调整优化产业结构。加快发展先进制造业和现代服务业，提高产业竞争力。',
        '努力实现“十一五”规划良好开局',
        '今年是实施“十一五”规划的第一年，做好今年的工作意义重大。全区生产总值增长10%。',
      ],
      ['“十五”时期工作回顾', '“十一五”发展目标和主要任务', '努力实现“十一五”规划良好开局'],
    );
    expect(sections.find((s) => s.title === '努力实现“十一五”规划良好开局')?.horizon).toBe('year');
  });
});

describe('a part heading in bold run into its paragraph', () => {
  const lines = [
    '各位代表：',
    '一、2013年工作回顾',
    '（一）农业稳定发展。全年粮食产量增长5%。',
    '（二）工业加快转型。规上工业增加值增长9%。',
    '二、2014年主要任务 今年是全面深化改革的第一年，做好今年工作意义重大。',
    '（一）加快农业现代化。稳定粮食生产。',
    '（二）推进工业转型。实施技术改造。',
  ];
  const text = lines.join('\n');
  const span = (l: string) => ({ charStart: text.indexOf(l), charEnd: text.indexOf(l) + l.length });
  const { sections, tasks } = parseStructure({
    documentId: 'doc',
    text,
    normalized: normalizeWidth(text),
    boldLines: [span('一、2013年工作回顾')],
    boldLeads: [span('二、2014年主要任务')],
    planYear: 2014,
  });

  it('opens the next part with the bold lead as its title (**二、2014年主要任务** 今年是…)', () => {
    expect(sections.filter((s) => s.level === 'part').map((s) => [s.title, s.horizon])).toEqual([
      ['2013年工作回顾', 'review'],
      ['2014年主要任务', 'year'],
    ]);
    expect(tasks.filter((t) => t.horizon === 'year')).toHaveLength(2);
  });
});

describe('a list the year plan announces before its sections', () => {
  const opening = (announcement: string) =>
    structureOf([
      '二、2014年工作安排',
      '今年经济社会发展的主要预期目标是：地区生产总值增长8%左右。',
      `${announcement}一是稳中求进，保持经济平稳运行；二是改革创新，激发市场活力；三是民生优先，兜住民生底线。`,
      '（一）稳增长。推进重大项目建设，扩大有效投资。',
      '（二）促改革。深化重点领域改革，激发市场活力。',
    ]).tasks.filter((t) => t.horizon === 'year');

  it('takes the points of work it announces with a colon (要把握好以下几点：一是…) as tasks under the part', () => {
    const tasks = opening('做好今年工作，要重点把握好以下几点：');
    expect(tasks.map((t) => t.title)).toEqual([
      '稳中求进，保持经济平稳运行',
      '改革创新，激发市场活力',
      '民生优先，兜住民生底线',
      '稳增长',
      '促改革',
    ]);
    expect(tasks[0]?.category).toBe('2014年工作安排');
  });

  it('leaves a described list, targets and the plan period’s goals in the running text', () => {
    for (const announcement of ['我市的发展格局大体分为三个层次：', '今年主要预期目标是：', '“十三五”期间要达到三个目标：'])
      expect(
        opening(announcement).map((t) => t.title),
        announcement,
      ).toEqual(['稳增长', '促改革']);
  });
});

describe('numbered heading lines and glossaries of a city report', () => {
  const { text, tasks, sections } = structureOf([
    '一、2013年工作回顾',
    '（一）农业稳定发展。全年粮食产量增长5%。',
    '二、2014年工作安排',
    '1.做好充分的思想准备和政策储备，突出优供给扩需求',
    '一是持续优化供给。优产出，加快供给结构升级，通过设备更新提高产品质量。',
    '二是有效扩大需求。稳投资，加快重大项目建设，扩大有效投资规模。',
    '2.抢抓难得的时间窗口和战略机遇，突出优平台强集群',
    '一是打造一批产业集群。以高新高端为目标，全力打造一批千亿产业。',
    '二是提升园区平台。推进园区整合，完善园区配套和服务功能。',
    '《政府工作报告》注释',
    '1.“三单一网”:指权力清单、责任清单、市场准入负面清单和政务服务网。',
    '2.PPP模式:指政府和社会资本合作的模式。',
  ]);

  it('takes the 一是 items under a numbered heading line as the tasks, the heading as their category', () => {
    const year = tasks.filter((t) => t.horizon === 'year');
    expect(year.map((t) => lead(text, t.charStart))).toEqual([
      '一是持续优化供给',
      '二是有效扩大需求',
      '一是打造一批产业',
      '二是提升园区平台',
    ]);
    expect(year[0]?.category).toBe('做好充分的思想准备和政策储备，突出优供给扩需求');
  });

  it('makes 《政府工作报告》注释 a part of its own (other), so its numbered notes are no tasks', () => {
    expect(
      sections
        .filter((s) => s.level === 'part')
        .map((s) => [s.title, s.horizon])
        .at(-1),
    ).toEqual(['《政府工作报告》注释', 'other']);
  });
});

describe('a saying that closes a section', () => {
  it('keeps a closing saying (民生无小事，枝叶总关情。我们要…) out of the section’s lead list', () => {
    const { text, tasks } = structureOf([
      '二、2014年工作安排',
      '（一）着力保障和改善民生',
      '千方百计稳定和扩大就业。落实就业优先政策，城镇新增就业70万人以上，帮助困难群体就业。',
      '提高社会保障水平。城乡居民基础养老金提高到每人每月150元，扩大医保覆盖面。',
      '办好人民满意的教育。新建改扩建公办幼儿园200所，推进义务教育优质均衡发展。',
      '民生无小事，枝叶总关情。我们要心系千家万户，情牵百姓忧乐，把好事实事办到群众心坎上。',
    ]);
    expect(tasks.map((t) => lead(text, t.charStart))).toEqual(['千方百计稳定和扩', '提高社会保障水平', '办好人民满意的教']);
  });
});

describe('the opening of a part made of lead paragraphs', () => {
  const opening = (paragraph: string) =>
    structureOf([
      '一、扩大和培育内需，促进经济较快增长',
      paragraph,
      '保持国债投资的必要规模。今年拟发行长期建设国债，重点投向在建项目和农村基础设施。',
      '努力做好财税工作。保持税制稳定，加强税收征管，严格依法治税，做到应收尽收。',
    ]).tasks.map((t) => t.title);

  it('takes a list in the part’s opening paragraph (首先必须…。一是…二是…) as tasks beside the lead paragraphs', () => {
    expect(
      opening(
        '扩大国内需求，首先必须增加城乡居民特别是低收入群体的收入，培育和提高居民的购买力。一是千方百计增加农民收入；二是完善城镇社会保障体系。',
      ),
    ).toEqual(['千方百计增加农民收入', '完善城镇社会保障体系', '保持国债投资的必要规模', '努力做好财税工作']);
  });

  it('leaves a list of difficulties or opportunities it opens with in the running text', () => {
    expect(opening('今年经济运行面临一系列困难和挑战：一是外需不足；二是中小企业融资困难。')).toEqual([
      '保持国债投资的必要规模',
      '努力做好财税工作',
    ]);
  });
});

describe('an annex of this year’s practical matters', () => {
  it('reads 2014年市政府十件实事 after a glossary as year work again, its items as tasks', () => {
    const { sections, tasks } = structureOf([
      '一、2013年工作回顾',
      '（一）农业稳定发展。全年粮食产量增长5%。',
      '二、2014年工作安排',
      '（一）稳增长。推进重大项目建设，扩大有效投资。',
      '（二）促改革。深化重点领域改革，激发市场活力。',
      '名词解释：',
      '1.三旧改造：指旧城镇、旧厂房、旧村庄改造。',
      '2014年市政府十件实事',
      '一、创建一批平安社区。新建150个平安社区，完善社区治安防控网络。',
      '二、建设一批学校。投入16.8亿元，新建和扩建中小学校30所。',
    ]);
    expect(sections.filter((s) => s.level === 'part').map((s) => s.horizon)).toEqual(['review', 'year', 'other', 'year']);
    expect(tasks.filter((t) => t.horizon === 'year').map((t) => t.title)).toEqual(['稳增长', '促改革', '创建一批平安社区', '建设一批学校']);
  });
});

describe('a part heading set off by spaces from its paragraph', () => {
  it('opens the part at 二、2014年 主要任务 今年是… (markup lost), titled by the words before the spaces', () => {
    const { sections, tasks } = structureOf([
      '一、2013年工作回顾',
      '（一）农业稳定发展。全年粮食产量增长5%。',
      '二、2014年 主要任务 今年是全面深化改革的第一年，做好今年工作意义重大。',
      '（一）加快农业现代化。稳定粮食生产。',
      '（二）推进工业转型。实施技术改造。',
    ]);
    expect(sections.filter((s) => s.level === 'part').map((s) => [s.title, s.horizon])).toEqual([
      ['2013年工作回顾', 'review'],
      ['2014年 主要任务', 'year'],
    ]);
    expect(tasks.filter((t) => t.horizon === 'year')).toHaveLength(2);
  });
});
