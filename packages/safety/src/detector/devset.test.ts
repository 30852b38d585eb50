import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectCrisis, isRiskTier, tierAtLeast } from './index.js';
import type { DetectorLang, RiskTier } from './index.js';

/*
 * Quality floor on the hand-written development set. The rules were tuned on
 * devset.jsonl only; devset-holdout.jsonl and devset-holdout-late.jsonl were held back. Floors sit a little
 * under the measured numbers so a change that makes the detector worse fails.
 */

type Row = Readonly<{ text: string; lang: DetectorLang; tier: RiskTier }>;
type Scores = Readonly<{ n: number; recall: number; falseRaise: number; exact: number }>;
type Floor = Readonly<{ recall: number; falseRaise: number; exact: number }>;

function load(file: string): Row[] {
  const raw = readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      const { text, lang, tier } = row;
      if (typeof text !== 'string' || (lang !== 'zh' && lang !== 'en') || !isRiskTier(tier)) {
        throw new Error(`bad dev-set row: ${line}`);
      }
      return { text, lang, tier };
    });
}

function score(rows: readonly Row[]): Scores {
  let crisis = 0;
  let caught = 0;
  let calm = 0;
  let raised = 0;
  let exact = 0;
  for (const row of rows) {
    const { tier } = detectCrisis(row.text, row.lang);
    if (tier === row.tier) exact++;
    if (tierAtLeast(row.tier, 'high')) {
      crisis++;
      if (tierAtLeast(tier, 'high')) caught++;
    } else {
      calm++;
      if (tierAtLeast(tier, 'high')) raised++;
    }
  }
  return { n: rows.length, recall: caught / crisis, falseRaise: raised / calm, exact: exact / rows.length };
}

const FLOORS: Readonly<Record<string, Readonly<Record<DetectorLang, Floor>>>> = {
  'devset.jsonl': {
    zh: { recall: 0.99, falseRaise: 0.005, exact: 0.94 },
    en: { recall: 0.99, falseRaise: 0.01, exact: 0.94 },
  },
  // The holdout includes batches b05, b07, b09 and b11, written after the other tuning and never tuned on.
  'devset-holdout.jsonl': {
    zh: { recall: 0.89, falseRaise: 0.05, exact: 0.74 },
    en: { recall: 0.93, falseRaise: 0.045, exact: 0.81 },
  },
  // The late holdout: b13 (written before the b12-b25 tuning), b20 (written after b19) and b26 (written after
  // all tuning, scored once at the end), never tuned on. Lower floors: it is the least-remembered text we have.
  'devset-holdout-late.jsonl': {
    zh: { recall: 0.75, falseRaise: 0.03, exact: 0.69 },
    en: { recall: 0.77, falseRaise: 0.03, exact: 0.69 },
  },
  // b28: written after every change of the third round (means and finality by category) and scored once.
  // Its own file so the late holdout keeps its floors; its floors are what it measured, far below target.
  'devset-holdout-b28.jsonl': {
    zh: { recall: 0.38, falseRaise: 0, exact: 0.57 },
    en: { recall: 0.33, falseRaise: 0, exact: 0.54 },
  },
};

/** Files smaller than the usual 50 messages per language (a single batch). */
const MIN_MESSAGES: Readonly<Record<string, number>> = { 'devset-holdout-b28.jsonl': 40 };

describe.each(Object.keys(FLOORS))('dev set %s', (file) => {
  const rows = load(file);

  it('has every tier in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const tiers = new Set(rows.filter((r) => r.lang === lang).map((r) => r.tier));
      expect([...tiers].sort()).toEqual(['concern', 'high', 'imminent', 'none']);
    }
  });

  it.each(['zh', 'en'] as const)('%s stays above its quality floor', (lang) => {
    const floor = FLOORS[file]?.[lang];
    if (floor === undefined) throw new Error(`no floor for ${file} ${lang}`);
    const s = score(rows.filter((r) => r.lang === lang));
    expect(s.n).toBeGreaterThan(MIN_MESSAGES[file] ?? 50);
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(s.falseRaise).toBeLessThanOrEqual(floor.falseRaise);
    expect(s.exact).toBeGreaterThanOrEqual(floor.exact);
  });
});

describe('dev set size', () => {
  it('holds at least 300 messages per language', () => {
    const all = [...load('devset.jsonl'), ...load('devset-holdout.jsonl'), ...load('devset-holdout-late.jsonl'), ...load('devset-holdout-b28.jsonl')];
    expect(all.filter((r) => r.lang === 'zh').length).toBeGreaterThanOrEqual(300);
    expect(all.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(300);
  });
});
