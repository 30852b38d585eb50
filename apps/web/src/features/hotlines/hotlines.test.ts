import { describe, expect, it } from 'vitest';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { allHotlines, footerHotlines } from './hotlines.js';

describe('hotline view model', () => {
  it('puts 1925, 1995, 1980, 113, 110 and 119 in the footer with tel: links', () => {
    const items = footerHotlines(TAIWAN_DIRECTORY, 'zh-TW');
    expect(items.map((i) => i.href)).toEqual(['tel:1925', 'tel:1995', 'tel:1980', 'tel:113', 'tel:110', 'tel:119']);
    expect(items[0]).toMatchObject({ name: '安心專線', number: '1925', allDay: true, hours: undefined });
  });

  it('speaks the chosen language and gives hours for lines that close', () => {
    const en = footerHotlines(TAIWAN_DIRECTORY, 'en');
    const teacherChang = en.find((i) => i.number === '1980');
    expect(teacherChang?.allDay).toBe(false);
    expect(teacherChang?.hours).toMatch(/Mon/u);
    expect(en[0]?.name).toMatch(/Suicide prevention/u);
  });

  it('lists every dialable line on the help screen and skips entries without a number', () => {
    const all = allHotlines(TAIWAN_DIRECTORY, 'zh-TW');
    const dialable = TAIWAN_DIRECTORY.entries.filter((e) => e.dial !== undefined);
    expect(all.map((i) => i.id)).toEqual(dialable.map((e) => e.id));
    expect(all.some((i) => i.href === 'tel:0800013999')).toBe(true);
  });
});
