// Generic words that end the names of landmarks, transport hubs and natural features, with the kind they give
// the place. The mining script (bench/scripts/mine-place-lexicon.ts) looks for names in front of them.
export const FEATURE_WORDS: ReadonlyArray<{ word: string; kind: string }> = [
  { word: '山', kind: 'area' }, { word: '岭', kind: 'area' }, { word: '岛', kind: 'area' }, { word: '峡', kind: 'area' },
  { word: '高原', kind: 'area' }, { word: '草原', kind: 'area' }, { word: '走廊', kind: 'area' }, { word: '古城', kind: 'area' },
  { word: '古镇', kind: 'area' }, { word: '石窟', kind: 'area' }, { word: '景区', kind: 'area' }, { word: '盆地', kind: 'area' },
  { word: '沙漠', kind: 'area' }, { word: '平原', kind: 'area' }, { word: '半岛', kind: 'area' }, { word: '湿地', kind: 'lake' },
  { word: '湾', kind: 'lake' }, { word: '机场', kind: 'airport' }, { word: '港', kind: 'port' },
  { word: '口岸', kind: 'port' }, { word: '码头', kind: 'port' }, { word: '火车站', kind: 'station' }, { word: '高铁站', kind: 'station' },
  { word: '大桥', kind: 'road' }, { word: '隧道', kind: 'road' }, { word: '商圈', kind: 'area' },
  { word: '大街', kind: 'area' }, { word: '街', kind: 'area' }, { word: '公园', kind: 'area' }, { word: '古道', kind: 'area' }, { word: '峡谷', kind: 'area' },
  { word: '林场', kind: 'area' }, { word: '窟', kind: 'area' }, { word: '沟', kind: 'river' }, { word: '塘', kind: 'river' }, { word: '淖尔', kind: 'lake' }, { word: '航道', kind: 'port' }, { word: '灌区', kind: 'area' }, { word: '遗址', kind: 'area' },
];
