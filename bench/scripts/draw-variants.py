# python3 bench/scripts/draw-variants.py [SEED] (from the repository root, corpus unpacked at /work/corpus)
# Draw for test/fixtures/questions/variants-indicators-2.json (seed 20261211), -3.json (seed 20261214), -4.json (seed 20261207), -5.json (seed 20261208), -6.json (seed 20261209), -7.json (seed 20261210), -8.json (seed 20261215), -9.json (seed 20261216), -10.json (seed 20261217), -11.json (seed 20261218), -12.json (seed 20261219), -13.json (seed 20261220), -14.json (seed 20261221), -15.json (seed 20261222), -16.json (seed 20261223) and -17.json (seed 20261225): one report
# per stratum, no place twice, outside the dev set, the structure and place draws and earlier variants, 8 KB or more.
import json,random,os,glob,re,sys
excl=set()
d=json.load(open('test/fixtures/gold/dev-set.json'))
seed=int(sys.argv[1]) if len(sys.argv)>1 else 20261211
# The second draw predates the place and old-structure groups (its own reports became placeTune).
groups=('reports','structureTune','structureCheck')+(() if seed==20261211 else ('placeTune','structureOld','placeCheck'))
for k in groups: excl|={r['member'] for r in d.get(k,[])}
for f in glob.glob('test/fixtures/questions/variants-*.json'):
    excl|={x[len('corpus:'):] for x in json.load(open(f))['documents']}
files=sorted(os.path.relpath(p,'/work/corpus') for p in glob.glob('/work/corpus/*/*/*.md')+glob.glob('/work/corpus/*/*.md'))
files=[f for f in files if f not in excl and os.path.getsize('/work/corpus/'+f)>=8000]
rng=random.Random(seed)
year=lambda f:int(os.path.basename(f)[:4]); place=lambda f:f.split('/')[-2]
strata=[('state',lambda f:'国务院' in f),('province <=2005',lambda f:'省自治区' in f and year(f)<=2005),('province >=2016',lambda f:'省自治区' in f and year(f)>=2016),('city 2006-15',lambda f:'主要城市' in f and 2006<=year(f)<=2015),('city >=2019',lambda f:'主要城市' in f and year(f)>=2019),('autonomous region',lambda f:re.search(r'/[^/]+自治区/\d',f) is not None)]
pick=[]
for n,k in strata:
    c=[f for f in files if k(f) and place(f) not in {place(p) for p in pick}]
    pick.append(rng.choice(c)); print(n,len(c),pick[-1])
