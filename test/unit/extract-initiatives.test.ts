import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/domain/schemas.ts';
import { type ExtractedEntities, extractEntities } from '../../src/ingest/extract/entities.ts';
import { seedContext } from '../helpers/seed-context-entities.ts';
import { oneParagraphContext } from '../helpers/seed-context.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const oneParagraph = (text: string) => oneParagraphContext(text);

function initiatives(text: string): Entity[] {
  return extractEntities(oneParagraph(text)).entities.filter((e) => e.type === 'initiative');
}

describe('initiatives in the seed report', () => {
  let found: ExtractedEntities;
  const initiative = (name: string) => found.entities.find((e) => e.type === 'initiative' && e.name === name);
  const partsOf = (bundle: Entity) =>
    found.relations
      .filter((r) => r.type === 'HAS_PART' && r.fromId === bundle.id)
      .map((r) => expectDefined(found.entities.find((e) => e.id === r.toId)).name)
      .sort();

  beforeAll(() => {
    found = extractEntities(seedContext());
  });

  it('finds quoted programmes with all their mentions', () => {
    const water = expectDefined(initiative('五水共治'));
    expect(found.mentions.filter((m) => m.entityId === water.id)).toHaveLength(4);
  });

  it('links 六大战略 to the six strategies quoted before it, and keeps the quoted list as its alias', () => {
    const bundle = expectDefined(initiative('六大战略'));
    expect(partsOf(bundle)).toEqual(['产业集群', '创新驱动', '开放带动', '民生优先', '绿色发展', '融合提质'].sort());
    expect(bundle.aliases).toContain('产业集群、创新驱动、融合提质、开放带动、绿色发展、民生优先');
  });

  it('links “四个上虞” to the four quoted names that share its stem, and “三个年” to the listed years', () => {
    expect(partsOf(expectDefined(initiative('四个上虞')))).toEqual(['人文上虞', '创新上虞', '幸福上虞', '精致上虞'].sort());
    expect(partsOf(expectDefined(initiative('三个年')))).toEqual(['城乡环境提质年', '干部素质提升年', '招商引资攻坚年'].sort());
  });

  it('finds named programmes written without quotes, with their later short uses', () => {
    expect(initiative('城中村改造三年行动计划')).toBeDefined();
    expect(initiative('强村富民工程')).toBeDefined();
    const towns = expectDefined(initiative('小城镇环境综合整治三年行动'));
    expect(towns.aliases).toContain('小城镇环境综合整治');
    expect(found.mentions.filter((m) => m.entityId === towns.id)).toHaveLength(3);
  });

  it('treats “一江两岸” as a place, not a programme', () => {
    expect(initiative('一江两岸')).toBeUndefined();
    expect(found.entities.find((e) => e.type === 'place' && e.name === '一江两岸')).toBeDefined();
  });
});

describe('initiative rules on short texts', () => {
  it('adds the programme word after a quotation as an alias (“地票”改革)', () => {
    const found = initiatives('推进“地票”改革。');
    expect(found).toEqual([expect.objectContaining({ name: '地票', aliases: ['地票改革'] })]);
  });

  it('names a quoted number by what follows it (“2521”城乡路网建设)', () => {
    expect(initiatives('实施“2521”城乡路网建设。').map((e) => e.name)).toEqual(['2521城乡路网建设']);
  });

  it('skips quoted honours and titles', () => {
    expect(initiatives('被命名为“全国围棋之乡”,荣获“优秀城市”称号。')).toEqual([]);
  });

  it('takes the parts of 两大试点 from the list joined by 和', () => {
    const found = extractEntities(oneParagraph('改革动能有效激发,甲乙风险防范机制创新和丙丁产业示范区建设两大试点经验全省推广。'));
    const names = found.entities.filter((e) => e.type === 'initiative').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['甲乙风险防范机制创新', '丙丁产业示范区']));
  });
});
