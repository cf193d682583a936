import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedEntities, extractEntities } from '../../src/ingest/extract/entities.ts';
import { entityId } from '../../src/ingest/resolve.ts';
import { seedContext } from '../helpers/seed-context-entities.ts';
import { oneParagraphContext } from '../helpers/seed-context.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

function projects(text: string): string[] {
  return extractEntities(oneParagraphContext(text))
    .entities.filter((e) => e.type === 'project')
    .map((e) => e.name);
}

describe('projects in the seed report', () => {
  let found: ExtractedEntities;
  const project = (name: string) => found.entities.find((e) => e.type === 'project' && e.name === name);

  beforeAll(() => {
    found = extractEntities(seedContext());
  });

  it('finds the works listed after construction verbs', () => {
    for (const name of [
      '104国道东关至蒿坝段改建',
      '虞北平原滨江河-沥北河整治工程',
      '姚江上游西排工程',
      '四明湖水库下游河道整治一期',
      '百五线改建',
      '梁章线拓宽',
      '春晖中学扩建工程',
    ]) {
      expect(project(name), name).toBeDefined();
    }
  });

  it('locates a project in the places its name contains (盖北镇新河江整治 → 盖北镇, 新河江)', () => {
    const works = expectDefined(project('盖北镇新河江整治'));
    const targets = found.relations.filter((r) => r.type === 'LOCATED_IN' && r.fromId === works.id).map((r) => r.toId);
    expect(targets.sort()).toEqual([entityId('place', '盖北镇'), entityId('place', '新河江')].sort());
  });

  it('finds works reported as finished (孙曹公路上虞段建成通车)', () => {
    expect(project('孙曹公路上虞段')).toBeDefined();
    expect(project('中加国际学校')).toBeDefined();
  });
});

describe('project rules on short texts', () => {
  it('takes neither the real verb nor a town or programme for a work', () => {
    expect(projects('加快融入甲乙大城市,推进丙丁镇发展,实施强村富民工程。')).toEqual([]);
  });

  it('cuts counts and what is said about a work from its name', () => {
    expect(projects('新建改造甲乙线路151公里,完成20公里城区危旧供水管网改造。').sort()).toEqual(
      ['城区危旧供水管网改造', '甲乙线路'].sort(),
    );
  });
});
