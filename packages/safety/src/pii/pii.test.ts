import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TAIWAN_DIRECTORY } from '../directory/index.js';
import { checkPseudonym, findPii, isValidTaiwanId, PSEUDONYM_MAX_LENGTH, type PiiKind } from './index.js';

/** `kind:matched text` for each finding, to make failures readable. */
function found(text: string): string[] {
  return findPii(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

function kinds(text: string): PiiKind[] {
  return findPii(text).map((f) => f.kind);
}

describe('phone numbers', () => {
  it.each([
    ['我的電話 0912-345-678', '0912-345-678'],
    ['0912 345 678', '0912 345 678'],
    ['打這支 0912.345.678', '0912.345.678'],
    ['0912345678', '0912345678'],
    ['+886 912 345 678', '+886 912 345 678'],
    ['+886-912-345-678', '+886-912-345-678'],
    ['886912345678', '886912345678'],
    ['+886-2-2345-6789', '+886-2-2345-6789'],
    ['公司 02-2345-6789', '02-2345-6789'],
    ['(02) 2345-6789', '(02) 2345-6789'],
    ['037-123456', '037-123456'],
    ['免費電話 0800-123-456', '0800-123-456'],
    ['whatsapp +1 415 555 0100', '+1 415 555 0100'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['０９１２３４５６７８', '０９１２３４５６７８'],
    ['０９１２－３４５－６７８', '０９１２－３４５－６７８'],
    ['零九一二三四五六七八', '零九一二三四五六七八'],
    ['〇九一二 三四五 六七八', '〇九一二 三四五 六七八'],
    ['09一二345六七八', '09一二345六七八'],
    ['0 9 1 2 3 4 5 6 7 8', '0 9 1 2 3 4 5 6 7 8'],
    ['0🌸9🌸1🌸2🌸3🌸4🌸5🌸6🌸7🌸8', '0🌸9🌸1🌸2🌸3🌸4🌸5🌸6🌸7🌸8'],
    ['0️⃣9️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣', '0️⃣9️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8'],
    ['打給我 2345-6789', '2345-6789'],
    ['call me at 555-0134', '555-0134'],
  ])('flags %s', (text, span) => {
    expect(found(text)).toEqual([`phone:${span}`]);
  });

  it.each([
    '打 1925 或 0800-013-999，法扶 02-412-8518',
    '安心專線1925、生命線1995、張老師1980',
    '113 保護專線',
    '要不要打 110 或 119 由你決定',
    '今晚 10:30 見',
    '凌晨 3:00-5:00 都睡不著',
    '3 點',
    '2024-05-01',
    '2024/05/01 10:30',
    '05.12.2024',
    '5/12',
    '2024年',
    '25%',
    '睡了 4 小時',
    '吃了 2 顆',
    'PHQ 分數 12',
    '分數 12 13 14 15 16',
    '我 09 點起床',
    '一二三四五六七八九十',
    '我今年 25 歲',
    'I slept 4 hours',
    'call 1925',
    '單號 20240501',
  ])('leaves %s alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('uses the directory it is given for the safe numbers', () => {
    expect(found('0800-013-999')).toEqual([]);
    const other = { ...TAIWAN_DIRECTORY, entries: TAIWAN_DIRECTORY.entries.filter((e) => e.id !== 'tw-0800013999') };
    expect(kinds('0800-013-999')).toEqual([]);
    expect(findPii('0800-013-999', { directory: other }).map((f) => f.kind)).toEqual(['phone']);
  });
});

describe('contact handles', () => {
  it.each([
    ['加賴 abc123', 'line-id:加賴 abc123'],
    ['加賴', 'line-id:加賴'],
    ['加我line', 'line-id:加我line'],
    ['私賴我', 'line-id:私賴'],
    ['我的line: lovely_88', 'line-id:line: lovely_88'],
    ['LINE ID：sweetgirl', 'line-id:LINE ID：sweetgirl'],
    ['ｌｉｎｅ：ｓｗｅｅｔ８８', 'line-id:ｌｉｎｅ：ｓｗｅｅｔ８８'],
    ['賴 rain_cat', 'line-id:賴 rain_cat'],
    ['line 是 rain1234', 'line-id:line 是 rain1234'],
    ['ID: rain1234', 'line-id:ID: rain1234'],
    ['加 @abc123', 'line-id:加 @abc123'],
    ['line.me/ti/p/abcdef', 'line-id:line.me/ti/p/abcdef'],
    ['add me on line', 'line-id:add me on line'],
    ['t.me/somebody', 'telegram:t.me/somebody'],
    ['https://t.me/night_owl', 'telegram:https://t.me/night_owl'],
    ['tg @night_owl', 'telegram:tg @night_owl'],
    ['telegram: nightowl', 'telegram:telegram: nightowl'],
    ['飛機 abc_12', 'telegram:飛機 abc_12'],
    ['紙飛機：@rainy', 'telegram:紙飛機：@rainy'],
    ['add me on telegram', 'telegram:add me on telegram'],
    ['微信 wxid_abc', 'wechat:微信 wxid_abc'],
    ['加vx abc1234', 'wechat:加vx abc1234'],
    ['VX：rainy', 'wechat:VX：rainy'],
    ['wechat: rain_cat', 'wechat:wechat: rain_cat'],
    ['IG: rain.cat', 'instagram:IG: rain.cat'],
    ['ig：@rain.cat_', 'instagram:ig：@rain.cat_'],
    ['instagram @rainy', 'instagram:instagram @rainy'],
    ['instagram.com/rain.cat', 'instagram:instagram.com/rain.cat'],
    ['mail me a.b@gmail.com', 'email:a.b@gmail.com'],
    ['rain (at) gmail.com', 'email:rain (at) gmail.com'],
    ['ｒａｉｎ＠ｇｍａｉｌ．ｃｏｍ', 'email:ｒａｉｎ＠ｇｍａｉｌ．ｃｏｍ'],
    ['給我你的 line', 'line-id:給我你的 line'],
    ['有賴嗎', 'line-id:有賴嗎'],
    ['有紙飛機嗎', 'telegram:有紙飛機嗎'],
    ["what's your telegram", "telegram:what's your telegram"],
    ['my insta is rain.cat', 'instagram:insta is rain.cat'],
    ['Find me on IG @rainy_day', 'instagram:Find me on IG @rainy_day'],
    ['看這裡 https://example.com/x?y=1', 'url:https://example.com/x?y=1'],
    ['www.example.org', 'url:www.example.org'],
    ['go to example.tw', 'url:example.tw'],
  ])('flags %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    '@小雨 你還好嗎',
    '@rain 你還好嗎，我在',
    '賴清德',
    '參加賴清德的活動',
    'line is busy',
    'line 5 of the poem',
    'online now',
    'IG story 很好看',
    'ig 上看到的',
    '坐飛機去高雄',
    '我很想加入',
    'e.g. this',
    'a.m. or p.m.',
    'node 和 tg 都不是',
    'IG is great',
    'line is down',
    '有飛機嗎？想回高雄',
    '給我你的意見',
    'tg 上有人在賣資料',
    'wechat 上的客人',
    '我的 ID 是小雨',
    '請加入 @小雨 的討論',
  ])('leaves %s alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('prefers the phone when a Line ID is a phone number', () => {
    expect(kinds('我的 line 是 0912345678')).toEqual(['phone']);
  });
});

describe('national ID numbers', () => {
  it.each(['A123456789', 'F131104093', 'B220012340', 'Z198765436', 'I100000003', 'O200000006', 'W111111113', 'K912345672', 'A800123450'])(
    'accepts %s (valid check digit)',
    (id) => {
      expect(isValidTaiwanId(id)).toBe(true);
      expect(found(`身分證 ${id}`)).toEqual([`national-id:${id}`]);
    },
  );

  it.each(['A123456780', 'F131104094', 'B220012341', 'Z198765430', 'K912345679', 'A323456789', 'A12345678', '1123456789'])(
    'rejects %s',
    (id) => {
      expect(isValidTaiwanId(id)).toBe(false);
      expect(kinds(id)).not.toContain('national-id');
    },
  );

  it('accepts lower case and full width in text', () => {
    expect(kinds('a123456789')).toEqual(['national-id']);
    expect(kinds('Ａ１２３４５６７８９')).toEqual(['national-id']);
  });

  it('does not take an ID out of a longer token', () => {
    expect(kinds('XA123456789')).toEqual([]);
    expect(kinds('A1234567890')).toEqual([]);
  });
});

describe('addresses and plates', () => {
  it.each([
    ['我住在台北市中山區中山北路二段45巷3號7樓', 'address:台北市中山區中山北路二段45巷3號7樓'],
    ['我住台中市西屯區台灣大道三段99號', 'address:台中市西屯區台灣大道三段99號'],
    ['中正路100號', 'address:中正路100號'],
    ['民生東路三段10巷', 'address:民生東路三段10巷'],
    ['到 12巷5弄3號 找我', 'address:12巷5弄3號'],
    ['No. 5, Lane 10, Section 2, Zhongshan Rd', 'address:No. 5, Lane 10, Section 2, Zhongshan Rd'],
    ['Lane 10, Sec. 2, Zhongshan N. Rd.', 'address:Lane 10, Sec. 2, Zhongshan N. Rd.'],
    ['meet at 123 Main Street', 'address:123 Main Street'],
    ['ABC-1234', 'plate:ABC-1234'],
    ['車是 1234-AB', 'plate:1234-AB'],
    ['AB-1234', 'plate:AB-1234'],
    ['機車 ABC-123', 'plate:ABC-123'],
    ['車牌 ABC1234', 'plate:車牌 ABC1234'],
    ['plate: 7788QW', 'plate:plate: 7788QW'],
  ])('flags %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each(['我在中山路附近', '台北市中山區', '5月3號見', '第3號', 'I walked 2 blocks down the street', 'PHQ-9 GAD-7 BSRS-5 COVID-19', '住 3 樓'])(
    'leaves %s alone',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );
});

describe('prices and transaction terms', () => {
  it.each([
    ['一節 3000', 'price:一節 3000'],
    ['全套 3000', 'price:全套 3000'],
    ['半套 2.5k', 'price:半套 2.5k'],
    ['S 3k', 'price:S 3k'],
    ['全套 $2500', 'price:全套 $2500'],
    ['3000/hr', 'price:3000/hr'],
    ['3000 一節', 'price:3000 一節'],
    ['一小時三千', 'price:一小時三千'],
    ['每節 2500 元', 'price:每節 2500 元'],
    ['包夜 8000', 'price:包夜 8000'],
    ['他說包夜要一萬', 'price:包夜要一萬'],
    ['外約 5000', 'price:外約 5000'],
    ['定點 3500', 'price:定點 3500'],
    ['價錢 3000', 'price:價錢 3000'],
    ['$200 per hour', 'price:$200 per hour'],
    ['200 an hour', 'price:200 an hour'],
    ['She charged 3000 per session', 'price:3000 per session'],
    ['full service 300', 'price:full service 300'],
    ['incall $250', 'price:incall $250'],
    ['FS 3000 incall', 'price:FS 3000 incall'],
    ['one hour 3000', 'price:one hour 3000'],
    ['1hr 3000', 'price:1hr 3000'],
    ['2 小時 5000', 'price:2 小時 5000'],
    ['3k/節', 'price:3k/節'],
    ['半套 2k 全套 3.5k 包夜 1w', 'price:半套 2k 全套 3.5k 包夜 1w'],
  ])('flags %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    '房租 12000',
    '罰單 3000',
    '罰鍰 3000 元',
    '這個月被開了兩張罰單，一張 3000',
    '時薪 183，一小時 183 元',
    "it's 300 dollars for rent",
    'I paid $300 for the fine',
    '買了 500 元的東西',
    '2.5k',
    '$2500',
    '一小時 300 卡',
    '一節課 3000',
    '今天客人要全套我不想',
    '以前做外約很怕',
    'I stopped doing outcalls, too risky',
    '她一次給我 3000',
    '一天睡 3 小時',
    '睡了 2 小時，房租 5000',
    '打工 8 小時 1500',
    '跑了 2 小時 300 卡',
    '這個月賺了 3 萬多，扣掉房租剩不到 1 萬',
    '上次被抓罰了 1 萬 5',
    '警察開了一張 3000 的罰單',
    '我在 7-11 等你',
    '我吃了 10 顆安眠藥',
  ])('leaves %s alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('a term on another line does not make an amount a price', () => {
    expect(found('今天好累，不想做全套。\n房租 12000 還沒繳')).toEqual([]);
  });
});

describe('findPii', () => {
  it('finds several kinds in one message, in order', () => {
    expect(kinds('全套 3000，加賴 abc123 或打 0912-345-678')).toEqual(['price', 'line-id', 'phone']);
  });

  it('returns offsets into the original text, not a copy', () => {
    const text = '嗨，０９１２３４５６７８ 找我';
    const [f] = findPii(text);
    expect(f).toEqual({ kind: 'phone', start: 2, end: 12 });
    expect(Object.keys(f ?? {}).sort()).toEqual(['end', 'kind', 'start']);
  });

  it('never throws; spans are in bounds, non-empty, ordered and disjoint', () => {
    const pieces = fc.constantFrom(
      '0912', '345', '678', ' ', '-', '.', '🌸', '零', '九', '賴', 'line', ':', '@', 'abc_1', '全套', '3000', '/hr',
      '路', '巷', '號', '台北市', 'A123456789', 'ABC-1234', 'http://', '.com', '\n', '＄', '一小時', '三千', '\u200d',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''))), (text) => {
        const findings = findPii(text);
        let last = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          last = f.end;
        }
      }),
    );
  });
});

describe('checkPseudonym', () => {
  it.each(['小雨', '  夜貓  ', 'Rain', '小雨77', '👩‍💻小雨', '🌸'.repeat(PSEUDONYM_MAX_LENGTH), '520'])('accepts %s', (name) => {
    expect(checkPseudonym(name)).toEqual({ ok: true });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(PSEUDONYM_MAX_LENGTH + 1), 'too-long'],
    ['雨'.repeat(PSEUDONYM_MAX_LENGTH + 1), 'too-long'],
    ['a\u200bb', 'control-chars'],
    ['雨\u202e', 'control-chars'],
    ['小\n雨', 'control-chars'],
    ['a\u200db', 'control-chars'],
    ['0912345678', 'looks-like-contact'],
    ['零九一二三四五六七八', 'looks-like-contact'],
    ['line:abc123', 'looks-like-contact'],
    ['abc@gmail.com', 'looks-like-contact'],
    ['A123456789', 'looks-like-contact'],
    ['t.me/rainy', 'looks-like-contact'],
    ['8888', 'looks-like-contact'],
    ['1314520', 'looks-like-contact'],
    ['ａ１２３４', 'looks-like-contact'],
  ] as const)('refuses %j (%s)', (name, reason) => {
    expect(checkPseudonym(name)).toEqual({ ok: false, reason });
  });

  it('counts user-perceived characters, not UTF-16 units', () => {
    const emoji = '🌸'.repeat(PSEUDONYM_MAX_LENGTH);
    expect(emoji.length).toBe(PSEUDONYM_MAX_LENGTH * 2);
    expect(checkPseudonym(emoji)).toEqual({ ok: true });
    expect(checkPseudonym(`${emoji}🌸`)).toEqual({ ok: false, reason: 'too-long' });
  });
});
