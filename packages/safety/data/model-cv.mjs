#!/usr/bin/env node
// 5-fold cross-validation of the backoff model on devset.jsonl ONLY: for each threshold, crisis recall and
// the share of none / concern rows raised to high+ when the model may speak where the rules found less than
// high and nothing was set aside. Used to choose MODEL_THRESHOLD in src/detector/detect.ts.
// Run: node packages/safety/data/model-cv.mjs
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api'; register();
const { modelFeatures } = await import('../src/detector/model-features.ts');
const { detectCrisis } = await import('../src/detector/index.ts');
const rows = readFileSync(new URL('./devset.jsonl', import.meta.url),'utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l));
const crisis = (t) => t==='high'||t==='imminent';
function train(tr) {
  const counts=[new Map(),new Map()], totals=[0,0], docs=[0,0];
  for (const r of tr) { const y=crisis(r.tier)?1:0; docs[y]++; for (const f of r.f) { counts[y].set(f,(counts[y].get(f)??0)+1); totals[y]++; } }
  const all=new Set([...counts[0].keys(),...counts[1].keys()]); const a=0.5; const w=new Map();
  for (const f of all) { const p=counts[1].get(f)??0, n=counts[0].get(f)??0; if (p+n<3) continue; // the same MIN_COUNT as train-model.mjs
    const q=Math.round(Math.log((p+a)/(totals[1]+a*all.size)/((n+a)/(totals[0]+a*all.size)))*10); if (q!==0) w.set(f,q/10); }
  return { w, prior: Math.round(Math.log(docs[1]/docs[0])*10)/10 };
}
for (const r of rows) r.f = modelFeatures(r.text);
const K=5; const oof=new Array(rows.length);
for (let k=0;k<K;k++) { const m=train(rows.filter((_,i)=>i%K!==k)); rows.forEach((r,i)=>{ if(i%K===k){ let s=m.prior; for (const f of r.f) s+=m.w.get(f)??0; oof[i]=s; } }); }
const BLOCK = new Set(['negated','third-person','news','quote','idiom','past']);
for (const lang of ['en','zh']) {
  const idx = rows.map((r,i)=>i).filter(i=>rows[i].lang===lang);
  const det = new Map(idx.map(i=>[i, detectCrisis(rows[i].text)]));
  for (const T of [5,10,12,15,18,20,25]) {
    let cr=0, cc=0, none=0, nr=0, con=0, conr=0;
    for (const i of idx) { const d=det.get(i); const ruleHigh = d.tier==='high'||d.tier==='imminent';
      const blocked = d.reasons.some(x=>BLOCK.has(x));
      const modelHigh = !ruleHigh && !blocked && oof[i] > T;
      const t = rows[i].tier;
      if (crisis(t)) { cr++; if (ruleHigh||modelHigh) cc++; } else if (t==='none') { none++; if (ruleHigh||modelHigh) nr++; } else { con++; if (ruleHigh||modelHigh) conr++; } }
    console.log(lang,'T',T,'recall',(cc/cr).toFixed(3),'none raised',(nr/none).toFixed(3),'concern raised',(conr/con).toFixed(3));
  }
}
