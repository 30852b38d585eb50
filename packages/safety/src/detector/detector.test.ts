import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUE_IDS, MODEL_REASON, REASON_MODIFIERS, RISK_TIERS, detectCrisis, detectLang, normalizeText, tierAtLeast } from './index.js';
import type { RiskTier } from './index.js';

function tierOf(text: string): RiskTier {
  return detectCrisis(text).tier;
}

describe('tiers', () => {
  it('orders tiers from none to imminent', () => {
    expect(RISK_TIERS).toEqual(['none', 'concern', 'high', 'imminent']);
    expect(tierAtLeast('imminent', 'high')).toBe(true);
    expect(tierAtLeast('high', 'high')).toBe(true);
    expect(tierAtLeast('concern', 'high')).toBe(false);
    expect(tierAtLeast('none', 'none')).toBe(true);
  });

  it.each<[string, RiskTier]>([
    ['今天吃了麻辣鍋', 'none'],
    ['活著好累，看不到未來', 'concern'],
    ['我真的好想死', 'high'],
    ['炭已經買好了，今晚就做', 'imminent'],
    ['had noodles with the girls', 'none'],
    ['I wish I could go to sleep and never wake up', 'concern'],
    ['I want to kill myself', 'high'],
    ["I'm going to hang myself tonight", 'imminent'],
  ])('%s → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('reason ids', () => {
  it('are stable, documented ids', () => {
    expect(CUE_IDS).toEqual(expect.arrayContaining(['ideation:active', 'self-harm', 'means:charcoal', 'plan:timeframe', 'plan:farewell', 'attempt:in-progress']));
    const known = new Set<string>([...CUE_IDS, ...Object.values(REASON_MODIFIERS), MODEL_REASON]);
    for (const text of ['我想死，今晚就燒炭', '笑死', '我朋友想自殺', 'I used to cut myself years ago', "I don't want to die", 'took 40 pills just now']) {
      for (const r of detectCrisis(text).reasons) expect(known.has(r)).toBe(true);
    }
  });
});

describe('negation', () => {
  it.each(['我不想死', '我沒有想自殺，只是累', '我不會傷害自己', "I'm not going to hurt myself", "I don't want to die", 'no longer suicidal'])(
    '%s is not raised',
    (text) => {
      const d = detectCrisis(text);
      expect(d.tier).toBe('none');
      expect(d.reasons).toContain(REASON_MODIFIERS.negated);
    },
  );

  it('keeps what follows a negated clause', () => {
    expect(tierOf('我不想死，但真的撐不下去了')).toBe('concern');
    expect(tierOf("I don't want to die but I can't do this anymore")).toBe('concern');
  });

  it('does not read "can\'t stop" or 「停不下來」 as negation', () => {
    expect(tierOf("I can't stop thinking about suicide")).toBe('high');
    expect(tierOf('想自殺的念頭停不下來')).toBe('high');
  });
});

describe('idioms', () => {
  it.each(['笑死', '累死了', '想死你了', '熱死', '這班上到快死掉', '尷尬到想死', '跳樓大拍賣', "I'm dying lol", 'this exam is killing me', 'kill it at work', 'kms lol forgot my keys', 'bored to death'])(
    '%s is none',
    (text) => {
      expect(tierOf(text)).toBe('none');
    },
  );

  it('names the idiom it set aside', () => {
    expect(detectCrisis('想死你了！').reasons).toContain(REASON_MODIFIERS.idiom);
  });

  it('takes a death wish back only when the writer retracts it', () => {
    expect(tierOf('再叫我看一次訓練影片我真的會想死，開玩笑的')).toBe('none');
    expect(tierOf("one more training video and I'll kill myself jk")).toBe('none');
    expect(tierOf('我好想死，真的，不是開玩笑')).toBe('high');
    expect(tierOf('I want to die lol, nothing matters anymore')).toBe('high');
  });

  it('does not mask real pain behind a degree phrase', () => {
    expect(tierOf('痛苦到想死')).toBe('high');
  });
});

describe('third person, news and quotes', () => {
  it.each(['新聞說有人跳樓', '我朋友說她想自殺，我該怎麼辦', '同事昨天割腕被送醫', 'my friend said she wants to die', 'a guy on the news jumped in front of a train'])(
    '%s is not about the writer',
    (text) => {
      expect(tierAtLeast(tierOf(text), 'high')).toBe(false);
    },
  );

  it('marks third person and news', () => {
    expect(detectCrisis('我朋友想自殺').reasons).toContain(REASON_MODIFIERS.thirdPerson);
    expect(detectCrisis('那部電影最後主角燒炭').reasons).toContain(REASON_MODIFIERS.news);
  });

  it('sets aside words quoted from someone else but not the writer\'s own', () => {
    const quoted = detectCrisis('客人傳訊息罵「你怎麼不去死一死」');
    expect(quoted.tier).toBe('none');
    expect(tierOf('the song goes "tonight I end it all", such a sad song')).toBe('none');
    expect(tierOf('我跟她說「我真的不想活了」')).toBe('high');
  });

  it('still hears the writer after talking about someone else', () => {
    expect(tierOf('新聞說有人燒炭，我也好想死')).not.toBe('none');
    expect(tierOf('my friend is fine, but I want to kill myself')).toBe('high');
  });
});

describe('past and recovered', () => {
  it.each(['以前我也割過手，現在好很多了', '三年前想過死，現在撐過來了', 'I used to cut myself, 5 years clean now', 'years ago I tried to end my life, grateful to be here'])(
    '%s is none',
    (text) => {
      const d = detectCrisis(text);
      expect(d.tier).toBe('none');
      expect(d.reasons).toContain(REASON_MODIFIERS.past);
    },
  );

  it('keeps an unresolved past at concern and a fresh act at high', () => {
    expect(tierOf('以前想過死，最近那種感覺又回來了')).toBe('concern');
    expect(tierOf('以前割過，昨天又割了')).toBe('high');
  });
});

describe('Simplified Chinese', () => {
  it.each<[string, RiskTier]>([
    ['我想自杀', 'high'],
    ['活着好累，感觉自己是负担', 'concern'],
    ['安眠药存够了，今晚就吃', 'imminent'],
    ['我打算烧炭，已经买好了', 'imminent'],
    ['笑死，热死了', 'none'],
    ['烧炭的新闻看了好难过', 'none'],
  ])('%s → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it('normalises Simplified to Traditional and full width to ASCII', () => {
    expect(normalizeText('烧炭 ＡＢＣ')).toBe('燒炭 abc');
  });
});

describe('means, plan and timeframe weigh more than sad words', () => {
  it.each([
    '我存了兩個月的安眠藥，今天晚上要全部吃掉',
    '剛剛吞了三十顆史蒂諾斯',
    '繩子已經綁好了',
    '我想死，💊💊💊都在手上了',
    '遺書寫好了，謝謝大家',
    "I've been saving up my sleeping pills, I have 60 now",
    'just took 30 of my zolpidem',
    'I bought charcoal and tape, tonight is the night',
    'goodbye everyone, this is my last message',
    'I want to die, 2400 mg of my meds in my hand',
  ])('%s is imminent', (text) => {
    expect(tierOf(text)).toBe('imminent');
  });

  it('reports the cues behind an imminent answer', () => {
    const d = detectCrisis('炭已經買好了，今晚就做');
    expect(d.reasons).toEqual(expect.arrayContaining(['means:charcoal', 'plan:prepared', 'plan:timeframe']));
  });

  it('does not raise medication talk for sleep', () => {
    expect(tierOf('昨天吃了一顆安眠藥，睡了八小時')).toBe('none');
    expect(tierOf('took 800 mg ibuprofen for my back')).toBe('none');
    expect(tierOf('doc gave me zolpidem, half a pill and I sleep fine')).toBe('none');
  });

  it('does not raise other senses of cut, jump and rope', () => {
    for (const t of ['just cut my hair', 'the boss cut my hours', 'jumping on a call', 'bought a jump rope', 'client wants rope play', '剪頭髮剪太短', '買了一條跳繩']) {
      expect(tierOf(t)).toBe('none');
    }
  });

  it('treats a goodnight as a goodnight', () => {
    expect(tierOf('goodbye everyone, logging off, see you tomorrow!')).toBe('none');
    expect(tierOf('再見啦我要下線睡覺了')).toBe('none');
  });

  it('ignores a timeframe inside a conditional', () => {
    expect(tierOf('如果明天還是這樣，我真的會想死')).toBe('high');
  });
});

describe('community slang', () => {
  it.each(['thinking about sewerslide again', 'relapsed on sh tonight', 'I want to self delete', "I don't feel safe with myself right now", '我想自我了斷', '想做傻事，真的撐不住了'])(
    '%s is high or above',
    (text) => {
      expect(tierAtLeast(tierOf(text), 'high')).toBe(true);
    },
  );

  it('does not raise slang seen from outside', () => {
    expect(tierOf('saw a tiktok about unaliving, why is that trending')).toBe('none');
    expect(tierOf('我不會做傻事的，放心')).toBe('none');
  });
});

describe('mixed language and input shapes', () => {
  it('handles zh and en in one message whatever the hint says', () => {
    expect(detectCrisis('I 真的好想死', 'en').tier).toBe('high');
    expect(detectCrisis('今晚 I want to kill myself', 'zh').tier).toBe('imminent');
  });

  it('guesses the language', () => {
    expect(detectLang('我好累')).toBe('zh');
    expect(detectLang('so tired')).toBe('en');
  });

  it('never throws and always answers a known tier', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const d = detectCrisis(s);
        expect(RISK_TIERS).toContain(d.tier);
        expect(d.reasons.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
      }),
    );
  });

  it('reads a very long message and finds the risk at its end', () => {
    const long = `${'今天上班很累，客人很多。'.repeat(5000)}我今晚要燒炭`;
    expect(tierOf(long)).toBe('imminent');
  });

  it('reads CRLF text', () => {
    expect(tierOf('hi all\r\nI want to die\r\n')).toBe('high');
  });
});
