import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/domain/schemas.ts';
import { type ExtractedEntities, extractEntities } from '../../src/ingest/extract/entities.ts';
import { entityId } from '../../src/ingest/resolve.ts';
import { CORPUS_SAMPLE_DIR, contextOf, corpusText, goldEntities, seedContext } from '../helpers/seed-context-entities.ts';
import { expectDefined } from '../helpers/expect-defined.ts';
import { oneParagraphContext } from '../helpers/seed-context.ts';

const oneParagraph = (text: string) => oneParagraphContext(text, {}, 100);

function placeNames(text: string): string[] {
  return extractEntities(oneParagraph(text))
    .entities.filter((e) => e.type === 'place')
    .map((e) => e.name);
}

function mentionCount(found: ExtractedEntities, entity: Entity): number {
  return found.mentions.filter((m) => m.entityId === entity.id).length;
}

describe('places in the seed report', () => {
  let found: ExtractedEntities;
  let places: Entity[];
  const gold = goldEntities();
  const goldCount = (canonical: string) =>
    expectDefined(gold.places.find((p) => p.canonical === canonical)?.mention_count, `gold count of ${canonical}`);
  const place = (name: string) => places.find((p) => p.name === name);

  beforeAll(() => {
    found = extractEntities(seedContext());
    places = found.entities.filter((e) => e.type === 'place');
  });

  it('finds 曹娥江, 崧厦镇 (alias 崧厦) and 章镇镇 (alias 章镇) with the gold mention counts', () => {
    const river = place('曹娥江');
    const songxia = place('崧厦镇');
    const zhangzhen = place('章镇镇');
    expect(river?.kind).toBe('river');
    expect(songxia?.aliases).toContain('崧厦');
    expect(zhangzhen?.aliases).toContain('章镇');
    expect(mentionCount(found, expectDefined(river))).toBe(goldCount('曹娥江'));
    expect(mentionCount(found, expectDefined(songxia))).toBe(goldCount('崧厦镇'));
    expect(mentionCount(found, expectDefined(zhangzhen))).toBe(goldCount('章镇镇'));
  });

  it('keeps the subdistrict 曹娥 apart from the river 曹娥江 and links the resort to the river', () => {
    const subdistrict = expectDefined(place('曹娥街道'));
    expect(subdistrict.aliases).toContain('曹娥');
    expect(mentionCount(found, subdistrict)).toBe(goldCount('曹娥街道'));
    const resort = expectDefined(place('曹娥江旅游度假区'));
    expect(found.relations).toContainEqual(
      expect.objectContaining({ type: 'LOCATED_IN', fromId: resort.id, toId: expectDefined(place('曹娥江')).id }),
    );
  });

  it('does not read road codes as mentions of the towns they abbreviate (梁章线 is not 梁湖 or 章镇)', () => {
    const road = expectDefined(found.mentions.find((m) => m.surface === '梁章线'));
    const insideRoad = found.mentions.filter((m) => m.charStart >= road.charStart && m.charEnd <= road.charEnd);
    expect(insideRoad.map((m) => m.surface)).toEqual(['梁章线']);
    expect(mentionCount(found, expectDefined(place('梁湖镇')))).toBe(goldCount('梁湖镇'));
  });

  it('establishes bare town names from lists and routes (丰惠, 小越, 陈溪, 蒿坝)', () => {
    for (const name of ['丰惠', '小越', '陈溪', '蒿坝']) expect(place(name), name).toBeDefined();
    expect(expectDefined(place('丰惠')).kind).toBe('town');
  });

  it('gives mention offsets that point at the surface in the document', () => {
    const ctx = seedContext();
    for (const m of found.mentions) {
      const paragraph = expectDefined(ctx.paragraphs.find((p) => p.id === m.paragraphId));
      expect(paragraph.text.slice(m.charStart - paragraph.charStart, m.charEnd - paragraph.charStart)).toBe(m.surface);
    }
  });

  it('derives ids from the resolution key, so suffixed and bare forms share one id', () => {
    expect(expectDefined(place('上虞区')).id).toBe(entityId('place', '上虞'));
    expect(expectDefined(place('章镇镇')).id).toBe(entityId('place', '章镇'));
  });
});

describe('place rules on short texts', () => {
  it('reads bare towns from an enumeration that ends in a town word', () => {
    const names = placeNames('加快甲坪、乙溪、丙岭等小城镇建设,支持戊湾镇发展。');
    expect(names).toEqual(expect.arrayContaining(['甲坪', '乙溪', '丙岭', '戊湾镇']));
  });

  it('absolutises mention offsets with the paragraph start', () => {
    const found = extractEntities(oneParagraph('推进戊湾镇发展。'));
    expect(found.mentions).toEqual([expect.objectContaining({ surface: '戊湾镇', charStart: 102, charEnd: 105 })]);
  });

  it('finds rivers, reservoirs, zones, parks, roads and rail by their suffixes', () => {
    const names = placeNames('完成白沙水库除险加固,建设青石河整治工程,推进金港开发区、银湖科技园建设,加快甬台高铁和104国道改建。');
    expect(names).toEqual(expect.arrayContaining(['白沙水库', '青石河', '金港开发区', '银湖科技园', '甬台高铁', '104国道']));
  });

  it('finds districts, counties and cities the dictionary does not know', () => {
    const names = placeNames('推进柯桥区、越城区、钱塘区和新昌县、嵊州市协同发展。');
    expect(names).toEqual(expect.arrayContaining(['柯桥区', '越城区', '钱塘区', '新昌县', '嵊州市']));
    expect(placeNames('建设新校区,稳住楼市,推进创新型城市建设,培育拟上市企业。')).toEqual([]);
  });

  it('does not take generic words for places', () => {
    const text =
      '完成平原绿化1100亩,守住生态红线,规范园区和示范区建设,发展锂电池产业,坚持依法治国,建设大都市区,推进河道整治和江堤加固,打造一批特色小镇和省级特色小镇。';
    expect(placeNames(text)).toEqual([]);
  });

  it('does not take a verb and its object for a river (拥江发展) or a slogan word for a place', () => {
    expect(placeNames('实施拥江发展战略,深入实施“娥江英才”计划。')).toEqual([]);
  });

  it('splits routes listed before a shared kind, with a named section or 等 inside the route', () => {
    const names = placeNames('建成杭州至宁波、嘉兴至湖州南浔段高速公路,开工金华至丽水等高速公路。');
    expect(names).toEqual(expect.arrayContaining(['杭州至宁波高速公路', '嘉兴至湖州南浔段高速公路', '金华至丽水高速公路']));
  });

  it('gives each member of a 、-list the suffix it shares, even after a verb ending in a function character', () => {
    const names = placeNames('启动如甲、乙巴滩、丙哇电站施工准备,推进包银、集大原高铁建设。');
    expect(names).toEqual(expect.arrayContaining(['如甲电站', '乙巴滩电站', '丙哇电站', '包银高铁', '集大原高铁']));
  });

  it('keeps a bracketed place inside a zone name and finds bridges by their kind', () => {
    const names = placeNames('建设杭州滨江(深圳南山)科技创新产业园,建成金沙跨线桥。');
    expect(names).toEqual(expect.arrayContaining(['杭州滨江(深圳南山)科技创新产业园', '金沙跨线桥']));
  });

  it('names an economic or high-tech zone by its place and a short qualifier, not by a clause about the place', () => {
    expect(placeNames('支持余姚临港经开区争创国家级。')).toContain('余姚临港经开区');
    expect(placeNames('余姚经开区综合实力稳居国家级经开区前列。').filter((n) => n.includes('稳居'))).toEqual([]);
  });

  it('reads a county outside the jurisdiction after its province earlier in the sentence', () => {
    expect(placeNames('对口支援新疆阿图什、西藏林周。')).toEqual(expect.arrayContaining(['阿图什市', '林周县']));
  });

  it('does not take a pool of funds or a slogan of counts for a place', () => {
    expect(placeNames('设立产业资金池,推进一业多乡发展。')).toEqual([]);
  });

  it('finds national parks, scenic areas, waterways, inland ports and wetlands by their designation', () => {
    const names = placeNames(
      '推进大熊猫国家公园建设,提升鼋头渚景区,实施洞庭湖航道升级工程,加快中原国际陆港建设,保护拉鲁湿地,全面启动长吉图开发开放先导区建设。',
    );
    expect(names).toEqual(
      expect.arrayContaining(['大熊猫国家公园', '鼋头渚景区', '洞庭湖航道', '中原国际陆港', '拉鲁湿地', '长吉图开发开放先导区']),
    );
  });

  it('gives the members of a list the national cultural park they share', () => {
    expect(placeNames('建设长城、大运河国家文化公园。')).toEqual(expect.arrayContaining(['长城国家文化公园', '大运河国家文化公园']));
  });

  it('keeps a county in front of a water body out of its name', () => {
    const names = placeNames('建成平阳顺溪水利枢纽,昆山天福湿地成功创建国家湿地公园。');
    expect(names).toEqual(expect.arrayContaining(['顺溪水利枢纽', '天福湿地']));
    expect(names).not.toContain('平阳顺溪水利枢纽');
  });

  it('does not take a designation written alone, a grade, a figure of speech or an organisation for a place', () => {
    const text =
      '创建国家5A级旅游景区,推动文艺演出进景区,加快高等级内河航道建设,支持3个自治县,在全面小康路上不漏一户,发挥中科院青藏高原研究所作用,支持金川公司发展。';
    expect(placeNames(text)).toEqual([]);
  });

  it('takes each item of a list closed by 等 and a class of places as one of that class, unless it joins names or says what is done', () => {
    const found = extractEntities(
      oneParagraph('推进小娄巷、清名桥、运河外滩等街区更新,加强沉湖、涨渡湖等湿地保护,实施北马路拓宽改造、朝阳街和所城里等历史街区工程。'),
    );
    const places = found.entities.filter((e) => e.type === 'place');
    expect(places.map((e) => e.name)).toEqual(expect.arrayContaining(['小娄巷', '清名桥', '运河外滩', '沉湖', '涨渡湖']));
    expect(places.find((e) => e.name === '涨渡湖')?.kind).toBe('lake');
    expect(places.map((e) => e.name)).not.toEqual(expect.arrayContaining(['北马路拓宽改造']));
    expect(places.map((e) => e.name)).not.toEqual(expect.arrayContaining(['朝阳街和所城里']));
  });

  it('takes border ports listed before 等口岸 and named business districts, not a port function or a generic district', () => {
    const found = extractEntities(
      oneParagraph(
        '以甲坪、白水等口岸为基础扩大出口,争取取得冰鲜水产、整车进口等口岸功能,加快金湾滨江商务区和北站国际商务区建设,完善中央商务区、中心商务区配套。',
      ),
    );
    const places = found.entities.filter((e) => e.type === 'place');
    const names = places.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['甲坪口岸', '白水口岸', '金湾滨江商务区', '北站国际商务区']));
    expect(places.find((e) => e.name === '甲坪口岸')?.kind).toBe('port');
    for (const name of ['冰鲜水产口岸', '整车进口口岸', '中央商务区', '中心商务区']) expect(names).not.toContain(name);
  });

  it('finds single parks by their designation and irrigation districts with a name, but not a work titled after a place', () => {
    const names = placeNames(
      '推进城子崖国家考古遗址公园、长征国家文化公园建设,开工建设彭波灌区,策划黄河国家文化公园,话剧《红旗渠》获奖,整治大中型灌区。',
    );
    expect(names).toEqual(expect.arrayContaining(['城子崖国家考古遗址公园', '长征国家文化公园', '彭波灌区', '黄河国家文化公园']));
    expect(names).not.toContain('策划黄河国家文化公园');
    expect(names).not.toContain('红旗渠');
    expect(names).not.toContain('大中型灌区');
  });

  it('names routes listed short before their class in full, keeping the short form (济青 → 济青高速公路)', () => {
    const found = extractEntities(
      oneParagraph('建成济青、济德等高速公路,加快推进同仁至赛尔龙、扁都口至门源等公路,整治川藏、新藏和中尼等干线公路。'),
    );
    const places = found.entities.filter((e) => e.type === 'place');
    const names = places.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['济青高速公路', '济德高速公路', '同仁至赛尔龙公路', '扁都口至门源公路', '川藏公路', '新藏公路', '中尼公路']),
    );
    expect(places.find((e) => e.name === '济青高速公路')?.aliases).toContain('济青');
    // A list item of ten characters (兰新铁路哈密至鄯善段) still makes a list, whose first route keeps its first end.
    const longItems = placeNames('力争开工西宁至玉树、兰新铁路哈密至鄯善段等铁路项目。');
    expect(longItems).toContain('西宁至玉树铁路');
    expect(longItems.filter((n) => n.startsWith('至'))).toEqual([]);
    expect(placeNames('推进甬台、甬舟等高铁建设，启动杭富、杭临等城际铁路前期工作。')).toEqual(
      expect.arrayContaining(['甬台高铁', '甬舟高铁', '杭富城际铁路', '杭临城际铁路']),
    );
  });

  it('reads a prefecture named bare as the city, but not the set phrase it opens (长治久安)', () => {
    const names = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '吉林省', placeCode: '220000' }).entities.map((e) => e.name);
    expect(names('新建梅河至通化高速公路。')).toContain('通化市');
    expect(names('实现社会长治久安。')).not.toContain('长治市');
  });

  it('does not read a conjunction before 县域 as a one-character county, nor a unit heading a monument as that unit', () => {
    const names = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '宁夏回族自治区', placeCode: '640000' }).entities.map((e) => e.name);
    expect(names('促进产城互动和县域经济发展，实现殡仪馆和县级殡葬服务全覆盖。')).not.toContain('和县');
    expect(names('推动安徽和县、含山县协作。')).toContain('和县');
    expect(names('推动西夏陵申遗，建设西夏区文化街区。')).toEqual(expect.arrayContaining(['西夏区']));
    expect(extractEntities({ ...oneParagraph('推动西夏陵申遗。'), place: '宁夏回族自治区', placeCode: '640000' }).mentions).toHaveLength(0);
  });

  it('does not take a village, street, park or school named after a water body for the water, but names the water heading its wetland', () => {
    const names = placeNames('推进洛水江村改造，拓展青溪江路商圈，建成明镜湖公园和碧波河学院，治理碧波河流域。');
    expect(names).not.toEqual(expect.arrayContaining(['洛水江']));
    expect(names).not.toEqual(expect.arrayContaining(['青溪江']));
    expect(names).not.toEqual(expect.arrayContaining(['明镜湖']));
    expect(names).toContain('碧波河');
    expect(placeNames('保护碧波河湿地和明镜湖湿地。')).toEqual(expect.arrayContaining(['碧波河湿地', '碧波河', '明镜湖湿地', '明镜湖']));
  });

  it('names a hub by the township heading it (禄口机场) and a planning region before that, though the township itself is no place there', () => {
    const names = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '南京市', placeCode: '320100' })
        .entities.filter((e) => e.type === 'place')
        .map((e) => `${e.name}/${e.kind}`);
    expect(names('扩建禄口机场。')).toEqual(['禄口机场/airport']);
    const inWuxi = extractEntities({ ...oneParagraph('扩建苏南硕放机场。'), place: '无锡市', placeCode: '320200' }).entities;
    expect(inWuxi.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['苏南硕放机场']);
  });

  it('finds expressways with a direction word in their name and expressway links, not a pace of growth', () => {
    const names = placeNames('建成湘桂黔南部高速和东岭至西湾快速通道，开通海丰快速通道，经济保持中高速增长。');
    expect(names).toEqual(expect.arrayContaining(['湘桂黔南部高速', '东岭至西湾快速通道', '海丰快速通道']));
    expect(names.filter((n) => n.includes('中高速'))).toEqual([]);
  });

  it('finds quarters being rebuilt, squares and grasslands by a name the dictionary does not know, not a generic one', () => {
    const names = placeNames('推进梅巷片区、曹家巷片区改造和核心片区建设，以青禾广场为中心建设市民广场，保护乌拉盖草原和天然草原。');
    expect(names).toEqual(expect.arrayContaining(['梅巷片区', '曹家巷片区', '青禾广场', '乌拉盖草原']));
    expect(names).not.toEqual(expect.arrayContaining(['核心片区']));
    expect(names).not.toEqual(expect.arrayContaining(['市民广场']));
    expect(placeNames('引进万达广场项目。')).not.toEqual(expect.arrayContaining(['万达广场']));
    expect(names).not.toEqual(expect.arrayContaining(['天然草原']));
    expect(placeNames('融入城市群甘肃片区建设。')).not.toEqual(expect.arrayContaining(['群甘肃片区']));
  });

  it('finds a river before 流域 and leaves a one-character relation in front of a known water body out of its name', () => {
    const names = placeNames('加强海河流域治理,搞好省辖淮河流域、环太湖地区和跨微山湖工程,打造亮马河风情水岸,整治南四湖。');
    expect(names).toEqual(expect.arrayContaining(['海河', '淮河', '太湖', '微山湖', '亮马河', '南四湖']));
    expect(names).not.toEqual(expect.arrayContaining(['辖淮河']));
    expect(names).not.toEqual(expect.arrayContaining(['环太湖']));
    expect(names).not.toEqual(expect.arrayContaining(['马河']));
  });

  it('names routes listed by their ends when one end is no unit (得胜口至大同), rings in full and extensions of roads and lines', () => {
    const names = extractEntities({
      ...oneParagraph(
        '开工建设太原至长治、汾阳至离石、得胜口至大同高速公路,二环路高架、天府大道南延线和地铁1号线南延线建成,银太高速铁路开工。',
      ),
      place: '山西省',
      placeCode: '140000',
    })
      .entities.filter((e) => e.type === 'place')
      .map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '太原至长治高速公路',
        '汾阳至离石高速公路',
        '得胜口至大同高速公路',
        '二环路',
        '天府大道南延线',
        '地铁1号线南延线',
        '银太高速铁路',
      ]),
    );
    expect(names).not.toEqual(expect.arrayContaining(['大同高速公路']));
    expect(names).not.toEqual(expect.arrayContaining(['银太高速']));
  });

  it("takes each item of a list of 片区 or of 重要河流 as one of that class, and a city's airport by its bare name (大同机场)", () => {
    const names = extractEntities({
      ...oneParagraph(
        '推进曹家巷、昭觉寺、瑶海和平路等片区改造,修复南河、湔江等重要河流生态,大同机场建设接近扫尾,保护好东平湖、磨盘山等市级水源地。',
      ),
      place: '山西省',
      placeCode: '140000',
    })
      .entities.filter((e) => e.type === 'place')
      .map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['曹家巷片区', '昭觉寺片区', '湔江', '大同机场', '东平湖', '磨盘山']));
    expect(names).not.toEqual(expect.arrayContaining(['平路']));
    expect(names).not.toEqual(expect.arrayContaining(['好东平湖']));
  });

  it('names an item that writes its class once (临空产业园片区, not 片区片区), no class after an ordinal (首届国家公园), no park that opens (开园), no road one runs (跑路)', () => {
    const names = placeNames(
      '推进三学街片区、临空产业园片区、徐家湾片区等片区建设。举办首届国家公园论坛，北大生物园开园。让群众少跑路、数据多跑路。',
    );
    expect(names.filter((n) => n.endsWith('跑路'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['三学街片区', '临空产业园片区', '徐家湾片区']));
    expect(names.filter((n) => n.endsWith('片区片区') || n.startsWith('首届') || n.endsWith('开园'))).toEqual([]);
  });

  it('takes each street of a list closed by 等…条城市主次干道 as a road, but no partial slot (并州路 is no 州路)', () => {
    const names = placeNames('扩建了滨海路、观海路、港城大街、山海路和机场路等30多条城市主次干道,完成新建路、并州路、府西街等主干道大修。');
    expect(names).toEqual(expect.arrayContaining(['观海路', '港城大街', '山海路', '府西街']));
    expect(names).not.toContain('州路');
  });

  it('finds water transfers by where the water comes from and goes (南水北调中线工程, 引绰济辽二期), not 引导入驻', () => {
    const names = placeNames('南水北调中线工程总干渠全线贯通,推进引绰济辽二期、引蓝济李等工程建设,引导入驻企业。');
    expect(names).toEqual(expect.arrayContaining(['南水北调中线工程', '引绰济辽', '引蓝济李']));
    expect(names.some((n) => n.startsWith('引导'))).toBe(false);
  });

  it('finds science and eco cities by name (霞客湾科学城, 太湖湾科创城, 蠡湖未来城, 中瑞低碳生态城), not the class alone', () => {
    const names = placeNames('支持霞客湾科学城、太湖湾科创城竞相发展,规划建设蠡湖未来城和中瑞低碳生态城,打造科学城。');
    expect(names).toEqual(expect.arrayContaining(['霞客湾科学城', '太湖湾科创城', '蠡湖未来城', '中瑞低碳生态城']));
    expect(names).not.toContain('科学城');
  });

  it('takes each item of a list counted as 三大/四大 of a class as one of it (陇东、河西、陇中三大煤炭基地), not a phrase of relation', () => {
    const names = placeNames(
      '加快建设陇东、河西、陇中三大煤炭基地，推进金沙、锦城、玉林三大片区改造，确保以长江为重点的、沿黄两大水系稳定。',
    );
    expect(names).toEqual(expect.arrayContaining(['陇东煤炭基地', '河西煤炭基地', '陇中煤炭基地', '金沙片区', '锦城片区']));
    expect(names.filter((n) => n.startsWith('以') || n.startsWith('沿'))).toEqual([]);
  });

  it("takes a city's park of one word (人民公园, 劳动公园) as that park, not a kind of park (街心公园, 综合公园) nor a verb (增建公园)", () => {
    const names = placeNames('人民公园完成改造，劳动公园免费开放，新建街心公园、综合公园20个，增建公园绿地。');
    expect(names).toEqual(expect.arrayContaining(['人民公园', '劳动公园']));
    expect(names.filter((n) => ['街心公园', '综合公园', '增建公园'].includes(n))).toEqual([]);
  });

  it('takes no river from a riverside park (青山江滩) and no road code from the boom-bust line (荣枯线以上)', () => {
    const names = placeNames('推进武昌江滩、汉阳江滩建设，制造业指数连续6个月位于荣枯线以上。');
    expect(names.filter((n) => n.endsWith('江') || n.endsWith('线'))).toEqual([]);
  });

  it('finds waterways and creeks of the Pearl River delta (某某水道, 某某涌) without 涌现, 河涌 or 沿 in front', () => {
    const names = placeNames('建设沿石岐水道、横门水道碧道，整治岐江涌、沙溪涌。新业态不断涌现，全面整治河涌。');
    expect(names).toEqual(expect.arrayContaining(['石岐水道', '横门水道', '岐江涌', '沙溪涌']));
    expect(names.filter((n) => n.startsWith('沿') || n.includes('涌现') || n.endsWith('河涌'))).toEqual([]);
  });

  it("takes an item listed among known zones as a zone when it names something or a quarter, not a trade's park", () => {
    const names = placeNames('加快建设北部临港商务城、滨湖科学城、鹭湾产业合作区，提升滨湖科学城、电子信息产业园、全国首家数字产业园。');
    expect(names).toEqual(expect.arrayContaining(['北部临港商务城', '滨湖科学城', '鹭湾产业合作区']));
    expect(names).not.toContain('电子信息产业园');
    expect(names.filter((n) => n.startsWith('全国'))).toEqual([]);
    expect(placeNames('推进鹭湾产业合作区建设。')).not.toContain('鹭湾产业合作区');
  });

  it("reads a bare 高新区 or 经开区 listed among a city's zones as the city's own, but not a bare one elsewhere", () => {
    const names = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '成都市', placeCode: '510100' })
        .entities.filter((e) => e.type === 'place')
        .map((e) => e.name);
    expect(names('推进市域统筹，高新区、经开区、天府新区等重点区域加快发展。')).toEqual(
      expect.arrayContaining(['成都高新区', '成都经开区']),
    );
    expect(names('相城经济开发区升格为国家级经济技术开发区，支持各县高新区建设。')).not.toEqual(
      expect.arrayContaining(['成都经济技术开发区']),
    );
  });

  it('reads units listed before 等地 by the gazetteer, even outside the jurisdiction (聂拉木 → 聂拉木县)', () => {
    const found = extractEntities({ ...oneParagraph('做好对定陶、聂拉木等地的对口帮扶工作。'), place: '山东省', placeCode: '370000' });
    expect(found.entities.find((e) => e.name === '聂拉木县')?.kind).toBe('county');
  });

  it('takes each item of a list closed by 等特色街区 as a place, but not a counted class in front (64个文化场馆)', () => {
    const names = placeNames('建成美术馆等64个文化场馆、罍街等49个特色街区,打造太古里、东郊记忆等特色街区。');
    expect(names).toEqual(expect.arrayContaining(['罍街', '太古里', '东郊记忆']));
    expect(names).not.toContain('文化场馆');
  });

  it('takes no place from a ranking, an event, a strategy or a university named after a place (百强县, 北京冬奥会, 长江经济带, 南京理工大学)', () => {
    expect(placeNames('3个县进入全国百强县,做好北京冬奥会服务保障,推动长江经济带发展。')).toEqual([]);
    expect(placeNames('实施好长江上游天然林保护工程。')).toEqual(['长江']);
    expect(placeNames('推进新一轮太湖综合治理,与南京理工大学合作,研制新一代高铁。')).toEqual(['太湖']);
  });

  it('names an airport by the city written before it (烟台机场), but not a class of airports', () => {
    const found = extractEntities({ ...oneParagraph('加快烟台机场扩建,建设一批支线机场。'), place: '山东省', placeCode: '370000' });
    const airports = found.entities.filter((e) => e.type === 'place' && e.kind === 'airport').map((e) => e.name);
    expect(airports).toEqual(['烟台机场']);
  });

  it('does not take a class of township-level units (良种场, 高新区) for one unit of the gazetteer', () => {
    const found = extractEntities({ ...oneParagraph('推动良种场和2个国家级高新区转型。'), place: '甘肃省', placeCode: '620000' });
    expect(found.entities.filter((e) => e.type === 'place').map((e) => e.name)).toEqual([]);
  });

  it('takes no place from a province part by compass point (苏南, 皖北), but keeps the zone it heads', () => {
    expect(placeNames('扎实开展与皖北、皖西结对合作，增速苏南领先。')).toEqual([]);
    expect(placeNames('以苏南国家自主创新示范区建设为牵引。')).toEqual(['苏南国家自主创新示范区']);
  });

  it('takes no town from an ordinary word and a character that makes a word of the suffix (一般场镇, 产业兴镇, 公里通乡)', () => {
    expect(placeNames('一般场镇改造完成项目37个，坚持产业兴镇，启动1000公里通乡公路建设。')).toEqual([]);
    expect(placeNames('瓜沥镇、塘栖镇加快发展。')).toEqual(['瓜沥镇', '塘栖镇']);
  });

  it('names a zone from the unit holding its head (郑州新郑综合保税区) and from a port at its head (太仓港综合保税区)', () => {
    const zones = extractEntities({
      ...oneParagraph('开工建设郑州新郑综合保税区续建项目，太仓港综合保税区通过国家验收。'),
      place: '河南省',
      placeCode: '410000',
    })
      .entities.filter((e) => e.type === 'place' && e.kind === 'zone')
      .map((e) => e.name);
    expect(zones).toEqual(['郑州新郑综合保税区', '太仓港综合保税区']);
  });

  it('takes a development zone by a name, not by what it is for or a verb (资源开发区, 规范开发区), and by a mountain (棋盘山开发区)', () => {
    expect(placeNames('对重点资源开发区实行强制性保护，进一步规范开发区和国有企业投资。')).toEqual([]);
    expect(placeNames('棋盘山开发区通过国家技术标准验收。')).toEqual(['棋盘山开发区']);
  });

  it('names a route by its stops joined with dashes (长春-长岭-乌斯台铁路), not by its tail', () => {
    const names = placeNames('抓紧推进长春-长岭-乌斯台铁路前期工作，建成呼和浩特—包头高速公路。');
    expect(names).toEqual(expect.arrayContaining(['长春-长岭-乌斯台铁路', '呼和浩特—包头高速公路']));
    expect(names).not.toContain('乌斯台铁路');
  });

  it('takes no place from an institution it heads with a short name between (北京协和医院, 仙湖实验室), but keeps a road before 至', () => {
    expect(placeNames('推进北京协和医院贵州医院建设，仙湖实验室等一批创新平台落地。')).toEqual([]);
    expect(placeNames('完成疏港路和福厦路至仁爱医院路段改造。')).toContain('福厦路');
  });

  it('takes a riverfront (一江两岸) for a place, but not a count of several features (两江四河, 三河六岸)', () => {
    expect(placeNames('启动“两江四河”造林绿化工程，打造“三河六岸”绿色景观。')).toEqual([]);
    expect(placeNames('推进一江两岸景观提升。')).toEqual(['一江两岸']);
  });

  it('finds clusters and cities a place heads (长春净月低碳生态服务业集聚区, 长春国际汽车城), not a place building one', () => {
    const names = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '吉林省', placeCode: '220000' })
        .entities.filter((e) => e.type === 'place' && e.kind === 'zone')
        .map((e) => e.name);
    expect(names('推进长春净月低碳生态服务业集聚区综合改革，打造长春国际汽车城。')).toEqual([
      '长春净月低碳生态服务业集聚区',
      '长春国际汽车城',
    ]);
    expect(names('支持长春建设世界一流汽车城，支持四平建设现代农业示范区。')).toEqual([]);
  });

  it('takes no unit from a bare name heading a water body or island (西安河, 桂林洋), but keeps a unit followed by another (广西河池)', () => {
    const names = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '海口市', placeCode: '460100' })
        .entities.filter((e) => e.type === 'place' && e.kind !== 'river' && e.kind !== 'lake')
        .map((e) => e.name);
    const units = names('完善桂林洋污水处理厂配套设施，打造西安河碧道带。');
    expect(units).not.toContain('桂林市');
    expect(units).not.toContain('西安市');
    expect(names('对口支援广西河池。')).toContain('广西壮族自治区');
  });
});

describe('ports, lines and zones by their other names', () => {
  const places = (text: string) => extractEntities(oneParagraph(text)).entities.filter((e) => e.type === 'place');

  it('takes a unit and 港 for a port (钦州港, 黄骅港) and its 港区, but not a city so named (防城港) nor 港澳, 港口, 港航', () => {
    const found = places(
      '加快钦州港、黄骅港综合港区建设，推进日照港岚山港区。支持防城港发展，深化湛港澳合作，提升青岛港口和天津港航服务。',
    );
    const ports = found.filter((e) => e.kind === 'port').map((e) => e.name);
    expect(ports).toEqual(expect.arrayContaining(['钦州港', '黄骅港', '日照港']));
    expect(ports).not.toContain('防城港');
    expect(ports.some((name) => /港[澳口航]/.test(name))).toBe(false);
    expect(found.find((e) => e.name.startsWith('防城港'))?.kind).toBe('city');
  });

  it('mentions the road or line an extension is named after (长江路北延线 also names 长江路)', () => {
    const names = places('推进长江路北延线和地铁3号线南延线建设。').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['长江路北延线', '长江路', '地铁3号线南延线', '地铁3号线']));
  });

  it("takes a city's bare 经开区 or 出口加工区 standing alone for its own, not one named as a class (升格为…, 现有…, 全国54个…)", () => {
    const zones = (text: string) =>
      extractEntities({ ...oneParagraph(text), place: '株洲市', placeCode: '430200' })
        .entities.filter((e) => e.type === 'place' && e.kind === 'zone')
        .map((e) => e.name);
    expect(zones('支持经开区扩区调位，推动出口加工区封关运行。')).toEqual(expect.arrayContaining(['株洲经开区', '株洲出口加工区']));
    expect(zones('醴陵经济开发区升格为国家级经济技术开发区，推动现有出口加工区转型，跻身全国54个高新区前列。')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^株洲/)]),
    );
  });

  it('takes a base named by a place and its purpose (晋南焦化基地), not a company site or homestead (长沙基地, 宅基地)', () => {
    const zones = (text: string) =>
      places(text)
        .filter((e) => e.kind === 'zone')
        .map((e) => e.name);
    expect(zones('建设晋南焦化基地和榆林能源化工基地。')).toEqual(expect.arrayContaining(['晋南焦化基地', '榆林能源化工基地']));
    expect(zones('引进某集团长沙基地，深化农村宅基地改革，振兴老工业基地。')).toEqual([]);
  });

  it('takes rivers the dictionary lists as plain nouns (饮马河) and a river before 航道, not a class of water (人工湖)', () => {
    const names = places('抓好伊通河、饮马河治理，建设人工湖，加快丰乐河航道升级。').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['饮马河', '丰乐河', '丰乐河航道']));
    expect(names).not.toContain('人工湖');
  });

  it('starts a name at 和 when a unit is named so after a verb (实施|和田河灌区), not after a name (乐龙路和顺番公路)', () => {
    const names = places('实施和田河灌区建设，完成了和平北路改造。建设乐龙路和顺番公路。').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['和田河灌区', '和平北路', '乐龙路', '顺番公路']));
    expect(names).not.toContain('田河灌区');
  });

  it('takes ranges, foothills, deltas and floodplains a place heads (祁连山南麓, 渭河滩区), not the macro-region 长江三角洲', () => {
    const names = places('保护昆仑山脉和祁连山南麓，治理渭河滩区，建设现代黄河三角洲，融入长江三角洲。').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['昆仑山脉', '祁连山南麓', '渭河滩区', '黄河三角洲']));
    expect(names).not.toContain('长江三角洲');
  });

  it('names each route of a list by its ends when the suffix is shared (白银至兰州、巉口至柳沟河、…高速公路)', () => {
    const names = places('建成白银至兰州、巉口至柳沟河、柳沟河至忠和高速公路。').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['白银至兰州高速公路', '巉口至柳沟河高速公路']));
  });

  it('reads a modal glued to the next character as that word (氢能源, 会展), and takes no class of sites, towns or new towns', () => {
    const names = places('谋划推动氢能源产业示范试验区，保护历史文物遗址，创建国家农业产业强镇，建设八大科技新城。').map((e) => e.name);
    expect(names).toContain('氢能源产业示范试验区');
    expect(names).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(?:源产业示范试验区|历史文物遗址|农业产业强镇|科技新城)$/)]));
  });

  it('finds passenger lines written 客运专线 after a complement verb (搞好…)', () => {
    expect(places('继续搞好京沈客专建设，抓好郑万客运专线。').map((e) => e.name)).toEqual(
      expect.arrayContaining(['京沈客专', '郑万客运专线']),
    );
  });
});

describe('places in an unseen report', () => {
  it('finds the districts, rivers and zones of the Hangzhou 2017 report without noise words', () => {
    const ctx = contextOf(corpusText(`${CORPUS_SAMPLE_DIR}/hangzhou-2017.md`), {
      documentId: 'hz',
      year: 2017,
      place: '杭州市',
      placeCode: '330100',
    });
    const names = extractEntities(ctx)
      .entities.filter((e) => e.type === 'place')
      .map((e) => e.name);
    // The districts written bare (萧山, 余杭) are the gazetteer's units of the jurisdiction, named in full.
    expect(names).toEqual(expect.arrayContaining(['杭州市', '萧山区', '余杭区', '钱塘江', '千岛湖', '未来科技城', '杭州高新区']));
    // Macro-regions used as strategy names are no places (issue 12).
    for (const noise of ['都市', '民办西湖', '治国', '成立浙江', '鼓励发展特色小镇', '长三角']) expect(names, noise).not.toContain(noise);
  });
});
