import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TAIWAN_DIRECTORY } from '../directory/index.js';
import {
  PLAN_ITEM_MAX_LENGTH,
  PLAN_SECTION_MAX_ITEMS,
  SAFETY_PLAN_SECTIONS,
  SAFETY_PLAN_SECTION_IDS,
  addItem,
  emptySafetyPlan,
  moveItem,
  parseSafetyPlan,
  removeItem,
  safetyPlanToText,
  updateItem,
  type PlanEdit,
  type SafetyPlan,
} from './index.js';

function ok(edit: PlanEdit): SafetyPlan {
  if (!edit.ok) throw new Error(`edit refused: ${edit.error}`);
  return edit.plan;
}

const texts = (plan: SafetyPlan, id: (typeof SAFETY_PLAN_SECTION_IDS)[number]): string[] =>
  plan.sections[id].map((i) => (i.kind === 'text' ? i.text : i.entryId));

describe('sections', () => {
  it('follow Stanley–Brown order', () => {
    expect(SAFETY_PLAN_SECTIONS.map((s) => s.id)).toEqual([
      'warning-signs',
      'coping-alone',
      'distractions',
      'people-to-ask',
      'professionals',
      'safer-surroundings',
      'reasons-for-living',
    ]);
    expect(SAFETY_PLAN_SECTIONS.map((s) => s.id)).toEqual([...SAFETY_PLAN_SECTION_IDS]);
  });

  it('have titles, prompts and examples in both languages, in plain words', () => {
    for (const s of SAFETY_PLAN_SECTIONS) {
      for (const t of [s.title, s.prompt, ...s.examples]) {
        expect(t['zh-TW'].length).toBeGreaterThan(0);
        expect(t.en.length).toBeGreaterThan(0);
        expect(t['zh-TW']).not.toMatch(/諮商|心理治療|療癒/u);
      }
      expect(s.examples.length).toBeGreaterThan(0);
    }
    const safer = SAFETY_PLAN_SECTIONS.find((s) => s.id === 'safer-surroundings');
    expect(safer?.examples.map((e) => e['zh-TW'])).toContain('把藥交給信任的人保管');
  });
});

describe('emptySafetyPlan', () => {
  const plan = emptySafetyPlan(TAIWAN_DIRECTORY);

  it('pre-fills professionals with crisis, support, protection, legal and community entries', () => {
    expect(texts(plan, 'professionals')).toEqual([
      'tw-1925',
      'tw-1995',
      'tw-1980',
      'tw-113',
      'tw-0800013999',
      'tw-laf',
      'tw-coswas',
    ]);
    expect(plan.sections.professionals[0]).toEqual({
      kind: 'directory',
      entryId: 'tw-1925',
      name: { 'zh-TW': '安心專線', en: 'Suicide prevention line (An-Xin)' },
      dial: '1925',
      allDay: true,
    });
  });

  it('does not put police or ambulance in the plan (calling them is the member’s own choice)', () => {
    expect(texts(plan, 'professionals')).not.toContain('tw-110');
    expect(texts(plan, 'professionals')).not.toContain('tw-119');
  });

  it('leaves every other section empty', () => {
    for (const id of SAFETY_PLAN_SECTION_IDS) if (id !== 'professionals') expect(plan.sections[id]).toEqual([]);
  });

  it('is a valid stored plan', () => {
    expect(parseSafetyPlan(plan)).toEqual({ ok: true, plan });
  });
});

describe('edits', () => {
  const base = emptySafetyPlan(TAIWAN_DIRECTORY);

  it('add, update, move and remove return new plans and leave the old one alone', () => {
    const a = ok(addItem(base, 'warning-signs', '  連續好幾天睡不著  '));
    const b = ok(addItem(a, 'warning-signs', '誰的訊息都不想回'));
    const c = ok(addItem(b, 'warning-signs', '開始想把東西送人'));
    expect(texts(c, 'warning-signs')).toEqual(['連續好幾天睡不著', '誰的訊息都不想回', '開始想把東西送人']);
    expect(base.sections['warning-signs']).toEqual([]);

    const moved = ok(moveItem(c, 'warning-signs', 2, 0));
    expect(texts(moved, 'warning-signs')).toEqual(['開始想把東西送人', '連續好幾天睡不著', '誰的訊息都不想回']);
    expect(texts(ok(moveItem(c, 'warning-signs', 0, 2)), 'warning-signs')).toEqual([
      '誰的訊息都不想回',
      '開始想把東西送人',
      '連續好幾天睡不著',
    ]);

    const updated = ok(updateItem(moved, 'warning-signs', 1, '睡不著'));
    expect(texts(updated, 'warning-signs')).toEqual(['開始想把東西送人', '睡不著', '誰的訊息都不想回']);
    expect(texts(moved, 'warning-signs')[1]).toBe('連續好幾天睡不著');

    const removed = ok(removeItem(updated, 'warning-signs', 0));
    expect(texts(removed, 'warning-signs')).toEqual(['睡不著', '誰的訊息都不想回']);
  });

  it('collapses whitespace to one line', () => {
    expect(texts(ok(addItem(base, 'reasons-for-living', '我的\n\n貓')), 'reasons-for-living')).toEqual(['我的 貓']);
  });

  it('refuses empty and too-long items', () => {
    expect(addItem(base, 'coping-alone', '   ')).toEqual({ ok: false, error: 'empty' });
    expect(addItem(base, 'coping-alone', 'x'.repeat(PLAN_ITEM_MAX_LENGTH + 1))).toEqual({ ok: false, error: 'too-long' });
    expect(addItem(base, 'coping-alone', '🌸'.repeat(PLAN_ITEM_MAX_LENGTH)).ok).toBe(true);
    const one = ok(addItem(base, 'coping-alone', '洗澡'));
    expect(updateItem(one, 'coping-alone', 0, '')).toEqual({ ok: false, error: 'empty' });
    expect(updateItem(one, 'coping-alone', 0, 'x'.repeat(PLAN_ITEM_MAX_LENGTH + 1))).toEqual({ ok: false, error: 'too-long' });
  });

  it('refuses a full section', () => {
    let plan = base;
    for (let i = 0; i < PLAN_SECTION_MAX_ITEMS; i++) plan = ok(addItem(plan, 'distractions', `地方 ${i}`));
    expect(addItem(plan, 'distractions', '再一個')).toEqual({ ok: false, error: 'too-many' });
  });

  it('refuses missing indexes', () => {
    expect(removeItem(base, 'coping-alone', 0)).toEqual({ ok: false, error: 'no-such-item' });
    expect(updateItem(base, 'coping-alone', -1, 'x')).toEqual({ ok: false, error: 'no-such-item' });
    expect(moveItem(base, 'professionals', 0, 99)).toEqual({ ok: false, error: 'no-such-item' });
    expect(moveItem(base, 'professionals', 0.5, 1)).toEqual({ ok: false, error: 'no-such-item' });
  });

  it('does not rewrite a directory entry, but can remove it', () => {
    expect(updateItem(base, 'professionals', 0, '我的醫師')).toEqual({ ok: false, error: 'not-editable' });
    expect(texts(ok(removeItem(base, 'professionals', 0)), 'professionals')).not.toContain('tw-1925');
  });

  it('a move keeps the same items (property)', () => {
    const len = base.sections.professionals.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: len - 1 }), fc.integer({ min: 0, max: len - 1 }), (from, to) => {
        const moved = ok(moveItem(base, 'professionals', from, to));
        expect(texts(moved, 'professionals').sort()).toEqual(texts(base, 'professionals').sort());
        expect(moved.sections.professionals[to]).toEqual(base.sections.professionals[from]);
      }),
    );
  });
});

describe('parseSafetyPlan', () => {
  const plan = ok(addItem(emptySafetyPlan(TAIWAN_DIRECTORY), 'reasons-for-living', '我的貓'));

  it('round-trips through JSON', () => {
    expect(parseSafetyPlan(JSON.parse(JSON.stringify(plan)))).toEqual({ ok: true, plan });
  });

  it.each([
    ['not an object', 'plan'],
    ['wrong version', { ...plan, version: 2 }],
    ['missing section', { version: 1, sections: { ...plan.sections, 'warning-signs': undefined } }],
    ['unknown section', { version: 1, sections: { ...plan.sections, extra: [] } }],
    ['empty item', { version: 1, sections: { ...plan.sections, 'coping-alone': [{ kind: 'text', text: '  ' }] } }],
    [
      'too-long item',
      { version: 1, sections: { ...plan.sections, 'coping-alone': [{ kind: 'text', text: 'x'.repeat(PLAN_ITEM_MAX_LENGTH + 1) }] } },
    ],
    ['unknown item kind', { version: 1, sections: { ...plan.sections, 'coping-alone': [{ kind: 'photo', text: 'x' }] } }],
    [
      'too many items',
      { version: 1, sections: { ...plan.sections, 'coping-alone': Array.from({ length: PLAN_SECTION_MAX_ITEMS + 1 }, () => ({ kind: 'text', text: 'x' })) } },
    ],
  ])('rejects %s', (_name, input) => {
    const r = parseSafetyPlan(input);
    expect(r.ok).toBe(false);
  });

  it('reports paths, never the member’s words', () => {
    const secret = '這是我的秘密'.repeat(40);
    const r = parseSafetyPlan({ version: 1, sections: { ...plan.sections, 'coping-alone': [{ kind: 'text', text: secret }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.join('\n')).toContain('sections.coping-alone.0.text');
      expect(r.issues.join('\n')).not.toContain('秘密');
    }
  });
});

describe('safetyPlanToText', () => {
  const plan = ok(addItem(emptySafetyPlan(TAIWAN_DIRECTORY), 'safer-surroundings', '把藥交給信任的人保管'));

  it('lists every step in order, in zh-TW', () => {
    const text = safetyPlanToText(plan, 'zh-TW');
    expect(text.startsWith('我的安全計畫')).toBe(true);
    const positions = SAFETY_PLAN_SECTIONS.map((s) => text.indexOf(s.title['zh-TW']));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('• 把藥交給信任的人保管');
    expect(text).toContain('• 安心專線 1925（24 小時）');
    expect(text).toContain('• 張老師專線 1980\n');
    expect(text).toContain('• 日日春關懷互助協會');
    expect(text).toContain('（還沒寫）');
  });

  it('writes English', () => {
    const text = safetyPlanToText(plan, 'en');
    expect(text.startsWith('My safety plan')).toBe(true);
    expect(text).toContain('5. Helplines, professionals and agencies');
    expect(text).toContain('• Suicide prevention line (An-Xin) 1925 (24 hours)');
    expect(text).toContain('(nothing yet)');
  });
});
