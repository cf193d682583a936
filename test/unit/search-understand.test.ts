// Question understanding: intents from zh and en cue words, entity linking (names, pinyin, type words) and
// English → Chinese terms (glossary, then CC-CEDICT). Names are made up: linking must not depend on one report.
import { describe, expect, it } from 'vitest';
import type { EntitySummary, GraphStore } from '../../graph/store.ts';
import { cedictLoadMs, cedictTerms } from '../../src/search/cedict.ts';
import { policyWordsFor } from '../../src/search/everyday-words.ts';
import { understand } from '../../src/search/understand.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function entity(
  id: string,
  type: EntitySummary['type'],
  name: string,
  kind: string | null,
  pinyin: string,
  aliases: string[] = [],
): EntitySummary {
  return { id, type, name, kind, aliases, pinyin, mentions: 1, documents: 1 };
}

const ENTITIES = [
  entity('river', 'place', '青溪江', 'river', 'qingxijiang', ['青溪']),
  entity('town', 'place', '石门镇', 'town', 'shimenzhen', ['石门']),
  entity('reservoir', 'place', '白云水库', 'reservoir', 'baiyunshuiku'),
  entity('hospital-a', 'project', '城东医院', null, 'chengdongyiyuan'),
  entity('hospital-b', 'project', '妇幼保健医院', null, 'fuyoubaojianyiyuan'),
  entity('rail', 'project', '青石高铁', 'rail', 'qingshigaotie'),
  entity('gdp', 'indicator', '地区生产总值', null, 'diqushengchanzongzhi'),
  entity('plan', 'initiative', '五水共治', null, 'wushuigongzhi'),
];

const store = { generation: async () => 1, entities: async () => ENTITIES } as unknown as GraphStore;
const ask = (question: string) => understand(question, store);
const names = async (question: string) => (await ask(question)).entities.map((e) => e.name).sort();

describe('intent', () => {
  it.each([
    ['哪些任务涉及青溪江？', 'tasks_touching_entity'],
    ['Which tasks touch Qingxijiang?', 'tasks_touching_entity'],
    ['报告对石门镇有什么安排？', 'entity_lookup'],
    ['What does the report say about Shimen Town?', 'entity_lookup'],
    ['2018年地区生产总值增长目标是多少？', 'indicator_value'],
    ['How much will GDP grow in 2018?', 'indicator_value'],
    ['镇上的老人每月领的钱能涨几块？', 'indicator_value'],
    ['What was the county’s total output in 2016?', 'indicator_value'],
    ['What had the poverty incidence fallen to by the end of 2018?', 'indicator_value'],
    ['What GDP level did the county aim to reach in 2003?', 'indicator_value'],
    ['2016年城镇化率和2020年目标各是多少？', 'indicator_comparison'],
    ['2017年和2018年地区生产总值增长分别是多少？', 'indicator_comparison'],
    ['Compare the GDP growth targets of 2017 and 2018', 'indicator_comparison'],
    ["What were the growth rates of urban residents' income and of rural residents' income?", 'indicator_comparison'],
    ['What were the targets for grain output and cotton output respectively?', 'indicator_comparison'],
    ['“五水共治”属于哪个方面的工作？', 'relationship'],
    ['How is Shimen Town related to Qingxijiang?', 'relationship'],
    ['老人照护方面今年有什么安排？', 'semantic_topic'],
    ['How will the city help elderly people?', 'semantic_topic'],
    ['今年的增长目标与五年规划是否衔接一致？', 'consistency'],
    ['Is the 2018 target consistent with the five-year plan?', 'consistency'],
    ['Did the province meet its 2018 growth target?', 'consistency'],
    ['石门镇2018年政府工作报告里说，今年打算再多建几座公厕？', 'indicator_value'],
    ['去年城里的菜比前年贵了百分之几？', 'indicator_value'],
    ['What share of the population did compulsory education cover in 2016?', 'indicator_value'],
    ['What was the year-end balance of savings deposits in 2016?', 'indicator_value'],
    ['How much grain was produced in 2016, and what target was set for 2017?', 'indicator_comparison'],
    ['2018年全县生产总值计划比上年增长多少？', 'indicator_value'],
    ['2017年的主要目标完成了吗？', 'consistency'],
    ['How does the county relate tourism to ecological protection?', 'relationship'],
    ["What did the province's gross domestic product reach in 2019?", 'indicator_value'],
    ['What total railway mileage did the city aim to have by 2020?', 'indicator_value'],
    ["What were the province's foreign exchange reserves at the end of 2009?", 'indicator_value'],
    ['What resident population does the report give for the metropolitan area?', 'indicator_value'],
    ['What gross industrial output did the development zone surpass in 2023?', 'indicator_value'],
    ['What measures did the province take to increase investment in 2022?', 'semantic_topic'],
    ['What did the report say about exports?', 'semantic_topic'],
    ["How quickly did the county's economy expand in 2010?", 'indicator_value'],
    ['What did the average farmer in the county net per head in 2003?', 'indicator_value'],
    ['What proportion of public spending went to livelihood-related spending in 2018?', 'indicator_value'],
  ])('%s → %s', async (question, intent) => {
    expect((await ask(question)).intent).toBe(intent);
  });

  it('reads figure words before task words ("哪些量化指标" asks for figures)', async () => {
    expect((await ask('深化“五水共治”今年要完成哪些量化指标？')).intent).toBe('indicator_value');
  });
});

describe('entity linking', () => {
  it('links Chinese names and aliases, longest first', async () => {
    expect(await names('青溪江和石门有哪些项目？')).toEqual(['石门镇', '青溪江']);
  });

  it('links pinyin spellings with English generic words, ignoring case and spacing', async () => {
    expect(await names('Which tasks touch the Qingxi River?')).toEqual(['青溪江']);
    expect(await names('which tasks mention SHIMEN town')).toEqual(['石门镇']);
  });

  it('links pinyin with tone marks alike whether they are precomposed (NFC) or combining (NFD)', async () => {
    const toned = 'Which tasks touch Qīngxī Jiāng and Shímén?';
    expect(toned.normalize('NFC')).not.toBe(toned.normalize('NFD'));
    expect(await names(toned.normalize('NFC'))).toEqual(['石门镇', '青溪江']);
    expect(await names(toned.normalize('NFD'))).toEqual(['石门镇', '青溪江']);
  });

  it('links type words to every entity of the kind, in both languages', async () => {
    expect(await names('哪些任务涉及水库？')).toEqual(['白云水库']);
    expect(await names('Which reservoirs are mentioned?')).toEqual(['白云水库']);
    expect(await names('今年建设哪些医院？')).toEqual(['城东医院', '妇幼保健医院']);
    expect(await names('Which hospitals will start construction?')).toEqual(['城东医院', '妇幼保健医院']);
    expect(await names('哪些任务涉及高铁？')).toEqual(['青石高铁']);
  });

  it('does not read a type word inside a linked name as the class', async () => {
    expect(await names('白云水库今年有什么工程？')).toEqual(['白云水库']);
  });
});

describe('Chinese questions in everyday words', () => {
  it('are searched with the policy words too, and a question in the reports’ own words with itself alone', async () => {
    expect((await ask('2013年街上多了多少辆公共汽车？')).searchText).toMatch(/公交/);
    expect((await ask('2013年新增公交车多少辆？')).searchText).toBe('2013年新增公交车多少辆？');
  });
});

describe('translation of English questions', () => {
  it('uses the policy glossary for phrases and CC-CEDICT for the other content words', async () => {
    const u = await ask('Which kindergartens and museums will be built?');
    expect(u.terms).toEqual(expect.arrayContaining(['幼儿园', '博物馆']));
    expect(u.searchText).toContain('博物馆');
  });

  it('translates a verb standing apart from its object (foreign capital … actually use) and tax and fee cuts as the reports say them', async () => {
    const used = await ask('How much foreign capital did the city actually use in 2023?');
    expect(used.terms).toEqual(expect.arrayContaining(['外资', '实际利用']));
    expect(used.terms).not.toContain('事实上');
    const cuts = await ask('What was the total amount of tax and fee cuts delivered in 2019?');
    expect(cuts.terms).toContain('减税降费');
    expect(cuts.terms).not.toContain('数码');
  });

  it('reads a hyphen between words as a space (per-capita net income → 人均, 纯收入)', async () => {
    expect((await ask("What was the farmers' per-capita net income in 2019?")).terms).toEqual(expect.arrayContaining(['人均', '纯收入']));
  });

  it('leaves the frame words of figure questions untranslated; everyday English for incomes ranks figures only', async () => {
    const frame = (await ask('What GDP growth target did the county set for 2019, and what total had it reached by the end of 2018?'))
      .terms;
    expect(frame).toEqual(expect.arrayContaining(['地区生产总值', '目标']));
    expect(frame.filter((t) => ['系列', '创造', '全面', '总体', '终端', '结束'].includes(t))).toEqual([]);
    const everyday = 'How much did people in the villages earn per head?';
    expect((await ask(everyday)).terms).toEqual(expect.arrayContaining(['人均']));
    // 居民 and 收入 would match too much as search terms: they only rank the figures of the passages found.
    expect((await ask(everyday)).terms).not.toContain('居民');
    expect(policyWordsFor(everyday)).toEqual(expect.arrayContaining(['居民', '收入']));
  });

  it('looks up multi-word glosses and ranks candidates by word frequency', () => {
    expect(cedictTerms('asian games')).toContain('亚运会');
    expect(cedictTerms('hospitals')[0]).toBe('医院');
    expect(cedictTerms('xyzzy')).toEqual([]);
  });

  it('prefers the words government work reports use (project → 项目, not 计划; grain → 谷物) and reads grow as 增长', async () => {
    expect(cedictTerms('project')[0]).toBe('项目');
    expect(cedictTerms('grain')[0]).toBe('谷物');
    expect((await ask('How much did exports grow?')).terms).toEqual(expect.arrayContaining(['出口', '增长']));
    // A glossary phrase in any form of its words (rates, grew).
    expect((await ask('What were the urbanization rates, and how much did output grew?')).terms).toEqual(
      expect.arrayContaining(['城镇化率', '增长']),
    );
  });

  it('loads the dictionary once per process, in seconds at most', () => {
    const ms = cedictLoadMs();
    expect(ms).not.toBeNull();
    expect(expectDefined(ms)).toBeLessThan(15_000);
  });

  it('does not translate the words that spelled a linked name, nor Chinese questions', async () => {
    expect((await ask('Which tasks touch Qingxijiang?')).terms).toEqual([]);
    expect((await ask('哪些任务涉及青溪江？')).terms).toEqual([]);
  });
});
