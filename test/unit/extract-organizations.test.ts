import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/domain/schemas.ts';
import { type ExtractedEntities, extractEntities } from '../../src/ingest/extract/entities.ts';
import { seedContext } from '../helpers/seed-context-entities.ts';
import { oneParagraphContext } from '../helpers/seed-context.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function organizations(text: string): string[] {
  return extractEntities(oneParagraphContext(text))
    .entities.filter((e) => e.type === 'organization')
    .map((e) => e.name);
}

describe('organisations in the seed report', () => {
  let found: ExtractedEntities;
  let orgs: Entity[];
  const org = (name: string) => orgs.find((o) => o.name === name);

  beforeAll(() => {
    found = extractEntities(seedContext());
    orgs = found.entities.filter((e) => e.type === 'organization');
  });

  it('resolves the short form of the government to the full name written in the same document', () => {
    const government = expectDefined(org('绍兴市上虞区人民政府'));
    expect(government.aliases).toContain('区人民政府');
    expect(found.mentions.filter((m) => m.entityId === government.id)).toHaveLength(5);
    expect(org('区人民政府')).toBeUndefined();
  });

  it('finds party and state organs, institutions and mass organisations', () => {
    for (const name of [
      '区委',
      '区人大',
      '区政协',
      '区法院',
      '区检察院',
      '区人武部',
      '中加国际学校',
      '浙江理工大学科艺学院',
      '泰隆银行上虞小微支行',
      '虞商联谊会',
      '区殡仪馆',
      '工商联',
      '供销社',
    ]) {
      expect(org(name), name).toBeDefined();
    }
  });
});

describe('organisation rules on short texts', () => {
  it('does not take classes of organisations for names', () => {
    expect(organizations('鼓励上市公司并购,引进基金公司和跨国公司,支持大企业大集团发展,发展行业协会。')).toEqual([]);
  });

  it('does not cut an organisation out of a longer word (大学生) or take a verb along (组建)', () => {
    expect(organizations('实施新一轮大学生创业计划,加快组建甲乙投资集团。')).toEqual(['甲乙投资集团']);
  });

  it('leaves an action on the institution out of its name, but not a verbal noun that is part of it', () => {
    const names = organizations('改造丙丁广场,促进戊己集团发展,开放庚辛博物馆,组建综合行政执法局。');
    expect(names).toEqual(expect.arrayContaining(['丙丁广场', '戊己集团', '庚辛博物馆', '综合行政执法局']));
    for (const name of ['改造丙丁广场', '促进戊己集团', '开放庚辛博物馆']) expect(names).not.toContain(name);
  });
});
