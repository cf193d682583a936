import { describe, expect, it } from 'vitest';
import { adminStem } from '../../src/geo/admin-stem.ts';
import { gazetteer } from '../../src/geo/gazetteer.ts';
import type { ExtractionContext } from '../../src/ingest/extract/context.ts';
import { extractEntities } from '../../src/ingest/extract/entities.ts';
import { expectDefined } from '../helpers/expect-defined.ts';
import { oneParagraphContext } from '../helpers/seed-context.ts';

const context = (text: string, place: string | null, placeCode: string | null) =>
  oneParagraphContext(text, { year: 2020, place, placeCode });

const placeNames = (ctx: ExtractionContext) =>
  extractEntities(ctx)
    .entities.filter((e) => e.type === 'place')
    .map((e) => e.name);

describe('gazetteer', () => {
  it('strips suffixes and ethnic designations to the stem reports write', () => {
    expect(['柯桥区', '乌镇镇', '恩施土家族苗族自治州', '阿拉善盟', '广西壮族自治区', '城区'].map(adminStem)).toEqual([
      '柯桥',
      '乌镇',
      '恩施',
      '阿拉善',
      '广西',
      '城区',
    ]);
  });

  it('knows townships with their lineage', () => {
    expect(
      gazetteer()
        .lineage(expectDefined(gazetteer().byName('乌镇镇')[0]).code)
        .map((u) => u.name),
    ).toEqual(['乌镇镇', '桐乡市', '嘉兴市', '浙江省']);
  });
});

describe('administrative places', () => {
  it('takes a township-level unit named by what its zone does (现代农业产业园) for the kind of zone, not that unit', () => {
    // The gazetteer's one 现代农业产业园 is a township-level unit of 墨玉县; a province's report names it in full.
    const names = placeNames(context('建设现代农业产业园，支持阿克苏市发展。', '新疆维吾尔自治区', '650000'));
    expect(names).not.toContain('墨玉县');
    expect(names).toContain('阿克苏市');
  });

  it('recognises the units of the jurisdiction bare, with their code and the LOCATED_IN chain', () => {
    const ctx = context('推进乌镇、濮院、崇福联动发展，做强梧桐街道。', '桐乡市', '330483');
    const found = extractEntities(ctx);
    const wuzhen = found.entities.find((e) => e.name === '乌镇镇');
    expect(wuzhen).toMatchObject({ code: '330483100', aliases: ['乌镇'] });
    const edges = found.relations.filter((r) => r.type === 'LOCATED_IN').map((r) => `${r.fromId}>${r.toId}`);
    const idOf = (name: string) =>
      expectDefined(
        found.entities.find((e) => e.name === name),
        name,
      ).id;
    for (const [from, to] of [
      ['乌镇镇', '桐乡市'],
      ['桐乡市', '嘉兴市'],
      ['嘉兴市', '浙江省'],
    ] as const)
      expect(edges).toContain(`${idOf(from)}>${idOf(to)}`);
    expect(placeNames(ctx)).toEqual(expect.arrayContaining(['濮院镇', '崇福镇', '梧桐街道']));
  });

  it('leaves bare names of units outside the jurisdiction alone unless their prefecture is named', () => {
    expect(placeNames(context('推进乌镇建设。', '宁波市', '330200'))).not.toContain('乌镇镇');
    expect(placeNames(context('深圳龙岗和南山。', '哈尔滨市', '230100'))).toEqual(expect.arrayContaining(['深圳市']));
  });

  it('needs context for names that are ordinary words, and never takes 中国 or 亚洲 for places', () => {
    expect(placeNames(context('维护世界和平，建设长安街。', '天津市', '120000'))).not.toContain('和平区');
    expect(placeNames(context('和平、河西、南开三区。', '天津市', '120000'))).toEqual(
      expect.arrayContaining(['和平区', '河西区', '南开区']),
    );
    expect(placeNames(context('建设中国一流、亚洲领先的港口。', null, null))).toEqual([]);
  });

  it('reads an ordinary-word name at either end of a route from a recognised unit (阿克苏至库车), not alone', () => {
    const xinjiang = (text: string) => placeNames(context(text, '新疆维吾尔自治区', '650000'));
    expect(xinjiang('建成阿克苏至库车公路。')).toContain('库车市');
    expect(xinjiang('开工建设库车—阿克苏输变电工程。')).toContain('库车市');
    expect(xinjiang('新建库车两座，维修车库。')).not.toContain('库车市');
  });

  it('needs context outside its province for a prefecture whose name is an ordinary word too (安康 good health)', () => {
    expect(placeNames(context('祝愿全省人民幸福安康。', '江苏省', '320000'))).not.toContain('安康市');
    expect(placeNames(context('与汉中、安康、商洛开展协作。', '四川省', '510000'))).toContain('安康市');
    expect(placeNames(context('安康富硒产业加快发展。', '陕西省', '610000'))).toContain('安康市');
  });

  it('reads an ordinary word after its own parent only (天津和平), not after a province or city further up (辽宁振兴发展, 广州人民)', () => {
    expect(placeNames(context('推动辽宁振兴发展。', '辽宁省', '210000'))).not.toContain('振兴区');
    expect(
      placeNames(context('让广州人民过上好日子，把广州建设成为一流城市。', '广州市', '440100')).filter((n) => n.endsWith('街道')),
    ).toEqual([]);
  });

  it('names a unit by the former suffix only where that form stands as a word (南京区域 holds no 南京区)', () => {
    expect(placeNames(context('参加南京区域经济协调会。', '南昌市', '360100'))).toContain('南京市');
  });

  it('takes no slogan the dictionary tags as a place (科教兴市, 人才强省) and no class of towns (教育强镇)', () => {
    const names = placeNames(context('深入实施科教兴市、人才强省战略，建成省教育强镇。', '南昌市', '360100'));
    expect(names.filter((n) => /[兴强][市省镇]$/.test(n))).toEqual([]);
  });

  it('takes no unit whose first character ends the word before it (长江|西路, 黄河|北地区)', () => {
    const names = placeNames(context('推进长江西路快速化改造，加强黄河北地区控制性规划。', '合肥市', '340100'));
    expect(names).not.toContain('江西省');
    expect(names).not.toContain('河北省');
    expect(placeNames(context('对口支援江西、河北。', '合肥市', '340100'))).toEqual(expect.arrayContaining(['江西省', '河北省']));
  });
});
