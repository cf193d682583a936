# python3 bench/scripts/draw-place-check.py (from the repository root, corpus unpacked at /work/corpus)
# Draw for the dev set's 'placeCheck' group (seed 20261213): place gold written by hand before any rule is changed for
# it, and only scored. One report per stratum, no place twice, outside every earlier draw, files of 8 KB or more.
import json,random,os,glob,re
excl=set()
d=json.load(open('test/fixtures/gold/dev-set.json'))
for k in ('reports','structureTune','structureCheck','placeTune','structureOld'): excl|={r['member'] for r in d[k]}
for f in glob.glob('test/fixtures/questions/variants-*.json'):
    excl|={x[len('corpus:'):] for x in json.load(open(f))['documents']}
files=sorted(os.path.relpath(p,'/work/corpus') for p in glob.glob('/work/corpus/*/*/*.md')+glob.glob('/work/corpus/*/*.md'))
files=[f for f in files if f not in excl and os.path.getsize('/work/corpus/'+f)>=8000]
rng=random.Random(20261213)
year=lambda f:int(os.path.basename(f)[:4]); place=lambda f:f.split('/')[-2]
ORDINARY=re.compile(r'/(?:东莞|佛山|唐山|无锡|泉州|温州|烟台|苏州)市/')
strata=[('ordinary prefecture city',lambda f:ORDINARY.search(f) is not None),
        ('autonomous region',lambda f:re.search(r'/[^/]+自治区/\d',f) is not None),
        ('province 2006-15',lambda f:'省自治区' in f and 2006<=year(f)<=2015 and '自治区' not in place(f)),
        ('city <=2005',lambda f:'主要城市' in f and year(f)<=2005),
        ('city >=2016',lambda f:'主要城市' in f and year(f)>=2016 and ORDINARY.search(f) is None),
        ('province >=2016',lambda f:'省自治区' in f and year(f)>=2016 and '自治区' not in place(f))]
pick=[]
for n,k in strata:
    c=[f for f in files if k(f) and place(f) not in {place(p) for p in pick}]
    pick.append(rng.choice(c)); print(n,len(c),pick[-1])
