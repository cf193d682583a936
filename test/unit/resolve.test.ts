import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/domain/ids.ts';
import { cleanName, documentIds, entityId, pinyinKey, resolutionKey, resolveEntities, unitId } from '../../src/ingest/resolve.ts';

describe('resolution keys', () => {
  it('strips administrative suffixes when at least two characters remain', () => {
    expect(resolutionKey('place', '上虞区')).toBe('上虞');
    expect(resolutionKey('place', '上虞')).toBe('上虞');
    expect(resolutionKey('place', '章镇镇')).toBe('章镇');
    expect(resolutionKey('place', '章镇')).toBe('章镇');
    expect(resolutionKey('place', '崧厦镇')).toBe('崧厦');
    expect(resolutionKey('place', '曹娥街道')).toBe('曹娥');
    expect(resolutionKey('place', '浙江省')).toBe('浙江');
  });

  it('keeps names whose ending is not administrative', () => {
    expect(resolutionKey('place', '曹娥江')).toBe('曹娥江');
    expect(resolutionKey('place', '经济开发区')).toBe('经济开发区');
    expect(resolutionKey('place', 'e游小镇')).toBe('e游小镇');
    expect(resolutionKey('place', '乌镇')).toBe('乌镇');
  });

  it('takes a zone in its abbreviated and its full designation for one place, with both as aliases', () => {
    expect(resolutionKey('place', '株洲高新技术产业开发区')).toBe(resolutionKey('place', '株洲高新区'));
    expect(resolutionKey('place', '芜湖经济技术开发区')).toBe(resolutionKey('place', '芜湖经开区'));
    expect(resolutionKey('place', '中国（广西）自由贸易试验区')).toBe(resolutionKey('place', '中国（广西）自贸试验区'));
    expect(resolutionKey('place', '株洲高新区')).not.toBe(resolutionKey('place', '株洲经开区'));
    const [zone] = resolveEntities([
      { type: 'place', name: '株洲高新区', kind: 'zone', priority: 1, aliases: [] },
      { type: 'place', name: '株洲高新技术产业开发区', kind: 'zone', priority: 1, aliases: [] },
    ]);
    expect(zone?.name).toBe('株洲高新技术产业开发区');
    expect(zone?.aliases).toContain('株洲高新区');
    expect(resolveEntities([{ type: 'place', name: '芜湖经开区', kind: 'zone', priority: 1, aliases: [] }])[0]?.aliases).toEqual(
      expect.arrayContaining(['芜湖经济技术开发区', '芜湖经济开发区']),
    );
  });

  it('only strips place suffixes for places, and ignores quotes and full-width forms everywhere', () => {
    expect(resolutionKey('organization', '区人民政府')).toBe('区人民政府');
    expect(resolutionKey('initiative', '“五水共治”')).toBe('五水共治');
    expect(cleanName('标准化＋')).toBe('标准化+');
  });
});

describe('administrative units by code', () => {
  const unit = (name: string, code?: string) => ({
    type: 'place' as const,
    name,
    kind: 'district',
    priority: 1,
    aliases: [],
    ...(code ? { code } : {}),
  });

  it('keeps units that share a name apart (朝阳区 of Beijing and of Changchun; 新乡县 and 新乡市), and others by name', () => {
    expect(unitId('朝阳区', '110105')).not.toBe(unitId('朝阳区', '220104'));
    const xinxiang = resolveEntities([unit('新乡县', '410721'), unit('新乡市', '410700')]);
    expect(xinxiang.map((e) => e.name).sort()).toEqual(['新乡县', '新乡市']);
    expect(unitId('上虞区', '330604')).toBe(entityId('place', '上虞'));
  });

  it('files a name written without its code under the document’s unit of that name', () => {
    const [town, ...rest] = resolveEntities([unit('乌镇镇', '330483100'), unit('乌镇')]);
    expect(rest).toEqual([]);
    expect(town).toMatchObject({ name: '乌镇镇', aliases: ['乌镇'], code: '330483100' });
    const idOf = documentIds([unit('新乡县', '410721'), unit('新乡市', '410700')]);
    expect(idOf(unit('新乡市'))).toBe(unitId('新乡市', '410700'));
  });
});

describe('pinyin keys and ids', () => {
  it('writes toneless lowercase pinyin without spaces', () => {
    expect(pinyinKey('曹娥江')).toBe('caoejiang');
    expect(pinyinKey('e游小镇')).toBe('eyouxiaozhen');
    expect(pinyinKey('104国道')).toBe('104guodao');
    expect(pinyinKey('绿色发展')).toBe('lvsefazhan');
  });

  it('gives the same id to every written form of one entity, in every document', () => {
    expect(entityId('place', '章镇镇')).toBe(entityId('place', '章镇'));
    expect(entityId('place', '章镇镇')).toBe(stableId('place', '章镇'));
    expect(entityId('place', '曹娥江')).not.toBe(entityId('place', '曹娥街道'));
    expect(entityId('place', '上虞')).not.toBe(entityId('organization', '上虞'));
  });
});

describe('resolving the names of one document', () => {
  it('makes the fullest form canonical and keeps the others as aliases', () => {
    const [town] = resolveEntities([
      { type: 'place', name: '章镇', kind: 'town', priority: 9, aliases: [] },
      { type: 'place', name: '章镇镇', kind: 'town', priority: 10, aliases: [] },
      { type: 'place', name: '章镇', kind: 'lake', priority: 6, aliases: [] },
    ]);
    expect(town).toMatchObject({ id: entityId('place', '章镇'), name: '章镇镇', aliases: ['章镇'], kind: 'town', pinyin: 'zhangzhenzhen' });
  });

  it('lists stated aliases without making them the name', () => {
    const [programme] = resolveEntities([{ type: 'initiative', name: '地票', kind: 'quoted', priority: 8, aliases: ['地票改革'] }]);
    expect(programme).toMatchObject({ name: '地票', aliases: ['地票改革'] });
  });
});
