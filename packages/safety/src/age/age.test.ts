import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mentionsUnder18 } from './index.js';

describe('mentionsUnder18', () => {
  it.each([
    '我 16 歲',
    '我16歲，可以加入嗎',
    '我今年16歲',
    '我今年 17',
    '我才十六歲',
    '我今年才十五歲',
    '我還未成年',
    '我是未成年',
    '我還沒滿18歲',
    '我未滿十八',
    '我國中生',
    '我是國中生',
    '我高二',
    '我現在高一',
    '我還在讀高中',
    '其實我是高中生，不知道能不能講',
    '我１６歲',
    "I'm 16",
    'I am 15 years old',
    'im 17 and scared',
    "I'm only sixteen",
    "I'm underage",
    'I am a minor',
    "I'm under 18",
    "I'm not 18 yet",
    "I'm not even eighteen",
    "I'm still in high school",
    "I'm in 10th grade",
    "I'm a high school student",
    'I still go to high school',
  ])('flags %s', (text) => {
    expect(mentionsUnder18(text)).toBe(true);
  });

  it.each([
    '我 18 歲',
    '我十八歲了',
    '我 25 歲',
    '我二十歲',
    '我今年 30',
    '我 16 歲的時候就出來做了',
    '我16歲那年離家',
    '我16歲就入行',
    '我未成年的時候',
    '我高中的時候很叛逆',
    '我高中畢業就出來工作',
    '我國中同學',
    '我是國中老師',
    '我妹 16 歲',
    '我妹妹高二',
    '我女兒國中',
    'my 16-year-old sister',
    'when I was 16',
    "when I'm 16 I'll",
    "I'm 18",
    "I'm 25 years old",
    "I'm 16 hours into this shift",
    "I'm 17th in line",
    "I'm 10 minutes away",
    "I'm not underage",
    "I'm a minor character here lol",
    'I was in high school then',
    "I'm a high school teacher",
    "I'm 5'4",
    '我吃了 16 顆',
  ])('leaves %s alone', (text) => {
    expect(mentionsUnder18(text)).toBe(false);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(typeof mentionsUnder18(text)).toBe('boolean');
      }),
    );
  });
});
