import { describe, expect, it } from 'vitest';
import { REASON_MODIFIERS, detectCrisis, normalizeText, tierAtLeast } from './index.js';
import type { RiskTier } from './index.js';

/*
 * Patterns of meaning added while scoring fresh batches (data/README.md):
 * preparation acts, finality with despair, hyperbole about small things,
 * possessors, cover stories, celebrated goodbyes, and long posts.
 */

function tierOf(text: string): RiskTier {
  return detectCrisis(text).tier;
}

const NARRATIVE =
  'So my week: Monday the landlord finally fixed the water heater. Tuesday a regular brought me pineapple cake from Taichung. ' +
  'Wednesday I had my first English class in years and nobody asked what I do for work. Thursday a guy tried not to pay and the manager stepped in. ';

describe('preparation and farewell acts', () => {
  it.each([
    "been giving my stuff away. my jacket to Mei, the speakers to my cousin. I don't need any of it where I'm going",
    '我把東西都送人了，衣服、包包、那隻熊，感覺這樣比較乾淨',
    "I've written letters to everyone. my sister, my mom. they're in the drawer.",
  ])('%s is at least high', (text) => {
    expect(tierAtLeast(tierOf(text), 'high')).toBe(true);
  });

  it('reads a pet-care request with an apology as imminent, and a holiday one as nothing', () => {
    expect(tierOf('please take care of my cat for me. her food is in the cupboard above the sink. I\'m sorry')).toBe('imminent');
    expect(tierOf('可以幫我照顧一下貓嗎？我週末回老家')).toBe('none');
  });

  it('does not read decluttering as giving things away for good', () => {
    expect(tierOf('我要把這些衣服都送人，搬家太麻煩了')).toBe('none');
    expect(tierOf("giving away my old clothes this weekend, size S, anyone interested?")).toBe('none');
  });

  it('does not read a celebrated goodbye to a job as a farewell', () => {
    expect(tierOf('Gave my notice today!!! done with this place, goodbye forever toxic boss 🥳')).toBe('none');
    expect(tierAtLeast(tierOf('今天提離職了！！再見了這個爛地方，永別了慣老闆🥳'), 'high')).toBe(false);
  });
});

describe('finality and euphemism', () => {
  it('raises finality said with a decision or despair to high, and leaves it alone at concern', () => {
    expect(tierOf("I won't be around much longer, I can feel it")).toBe('concern');
    expect(tierOf("I won't be around much longer. I've made my peace with that")).toBe('high');
    expect(tierOf('我已經準備好離開了，只是還沒決定哪天')).toBe('high');
  });

  it.each(['I just want to sleep and not wake up', '想要永遠睡著', '不想再醒來了', '活著好累', 'some nights i pray i just won\'t wake up in the morning'])(
    '%s is at least concern',
    (text) => {
      expect(tierAtLeast(tierOf(text), 'concern')).toBe(true);
    },
  );

  it('reads contractions typed without the apostrophe', () => {
    expect(normalizeText('im done, cant go on, dont care')).toBe("i'm done, can't go on, don't care");
    expect(tierOf('i dont want to live anymore')).toBe('high');
  });
});

describe('hyperbole and jokes', () => {
  it('sets aside a death wish or a method threatened over a small thing', () => {
    expect(tierOf('lol I\'m gonna kms if this meeting runs past 5')).toBe('none');
    expect(tierOf("I'm gonna jump off a bridge if they make me do another team building exercise")).toBe('none');
    expect(tierAtLeast(tierOf('主管再排一次早上八點的會，我就直接跳海😤'), 'high')).toBe(false);
    expect(tierOf('今天被主管罵到想死，下班去吃麻辣鍋')).toBe('none');
  });

  it('sets aside a wish blamed on a thing, but not one blamed on life or a person', () => {
    expect(tierOf('doing my taxes makes me want to die, so confusing')).toBe('none');
    expect(tierOf('the gacha rates in this game are going to make me jump off a building lol')).toBe('none');
    expect(tierOf('這杯咖啡苦到我想離開這個世界哈哈')).toBe('none');
    expect(tierOf('my life makes me want to die')).toBe('high');
    expect(tierOf('我覺得我想死')).toBe('high');
  });

  it('keeps a death wish that insists it is no joke', () => {
    expect(tierOf("kms fr this time, not joking, i can't do another year of this")).toBe('high');
  });

  it('sets aside worn-out talk about a small thing', () => {
    expect(tierOf("can't do this anymore lol my feet hurt, heels are the devil")).toBe('none');
  });
});

describe('who and what', () => {
  it('reads a possessor as no subject: my mom\'s pills are still taken by me', () => {
    expect(tierOf("took a bunch of my mom's heart pills. it's been 20 minutes")).toBe('imminent');
  });

  it('still reads a quote attributed to someone else as theirs', () => {
    const d = detectCrisis('"I don\'t want to live anymore" is my mom\'s catchphrase whenever we fight');
    expect(tierAtLeast(d.tier, 'high')).toBe(false);
    expect(d.reasons).toContain(REASON_MODIFIERS.quote);
  });

  it('sees through a barbecue named as a cover story', () => {
    expect(tierOf('今天買了一包木炭跟膠帶，跟老闆說是要烤肉，其實沒有要烤肉')).toBe('imminent');
    expect(tierOf('週六頂樓烤肉，木炭跟膠帶我買好了，飲料自備！！')).toBe('none');
  });
});

describe('long posts', () => {
  it('raises the strongest current first-person cue in a long narrative', () => {
    const text = `${NARRATIVE}Last night I sat on the bathroom floor and genuinely thought I want to die, and about how I would do it. I'm at work now.`;
    expect(tierAtLeast(tierOf(text), 'high')).toBe(true);
  });

  it('keeps the same narrative with a past, recovered crisis below high', () => {
    const text = `${NARRATIVE}Three years ago I tried to kill myself. Now I'm doing so much better and I'm grateful.`;
    expect(tierAtLeast(tierOf(text), 'high')).toBe(false);
  });

  it('lets despair add up only over a longer post', () => {
    expect(tierOf('覺得好空虛，活著只是在等死')).toBe('concern');
    const long =
      "Not really sure why I'm posting. Every day is grey. I feel like I'm just taking up space, nothing matters anymore, " +
      "and honestly I can't see a future. I go to work, I come home, I scroll, I sleep, and I keep thinking nobody would notice.";
    expect(tierOf(long)).toBe('high');
  });
});

describe('depression posts that deny intent (b18)', () => {
  it('keeps many despair words at concern when the post says the writer will not act', () => {
    const text =
      "I've been depressed since spring. I feel worthless and hopeless, I'm a burden to my family, and I can't see a future. " +
      "I'm not going to hurt myself, I just needed to write it down somewhere.";
    expect(tierOf(text)).toBe('concern');
    expect(tierOf('抑鬱第三年了，覺得自己是家人的負擔，看不到未來，好絕望，活著好累。我不會傷害自己，只是想說出來。')).toBe('concern');
  });

  it('reads passive suicidal ideation, named as such, as concern', () => {
    expect(tierOf('I have passive suicidal thoughts most evenings but no plan and no wish to act')).toBe('concern');
    expect(tierOf('最近又有被動的念頭，覺得消失也無所謂')).toBe('concern');
  });

  it('does not read an intent denied a few words earlier as intent', () => {
    expect(tierAtLeast(tierOf("I don't have any plan to hurt myself, I'm just exhausted"), 'high')).toBe(false);
    expect(tierAtLeast(tierOf('standing near the tracks gives me a weird pull, not because I want to die, it is the call of the void'), 'high')).toBe(false);
  });
});

describe('descriptions, hypotheticals and history are not the writer now', () => {
  it.each([
    '下週的讀書會要討論怎麼陪伴想自殺的朋友',
    '如果有一天我不見了，你們不要找我，我去環島了啦',
    'reading about the history of charcoal burning in Hong Kong for my sociology class',
    '這部講安寧病房的劇，處理自殺的方式很溫柔',
  ])('%s stays below high', (text) => {
    expect(tierAtLeast(tierOf(text), 'high')).toBe(false);
  });
});

describe('euphemisms and Simplified Chinese (b12-b19)', () => {
  it.each([
    '又想紫砂了，这次比以前都强烈',
    '想嘎了，不是开玩笑',
    '要怎么才能不再醒来，最近一直在想',
    '好想去天上陪奶奶，常常想怎么样才能去',
    '每天都在忍着不去结束自己',
    '这条命我不想要了',
    '说真的，唯一拦着我的是我妹',
    'I wish I had the guts to just do it',
    "what's the quickest way to go, asking seriously",
  ])('%s is at least high', (text) => {
    expect(tierAtLeast(tierOf(text), 'high')).toBe(true);
  });

  it.each(['塞车塞到想紫砂', '紫砂壶泡茶真的比较香', '热死了，上海这天气', '抽卡抽到想紫砂'])('%s stays below high', (text) => {
    expect(tierAtLeast(tierOf(text), 'high')).toBe(false);
  });

  it('reads a wish to be gone that will not leave the writer alone as high', () => {
    expect(tierAtLeast(tierOf('死掉好像比撐下去容易，這個想法揮之不去'), 'high')).toBe(true);
    expect(tierOf('死掉好像比撐下去容易')).toBe('concern');
  });

  it('maps Simplified words whose characters are ambiguous', () => {
    expect(normalizeText('活着干嘛，干脆死了算了，死了比较轻松')).toBe('活著幹嘛,乾脆死了算了,死了比較輕鬆');
  });
});

describe('means at hand and time alone (b16-b19)', () => {
  it.each([
    'bought a blade, it is under my pillow, waiting for my roommate to go out',
    '安眠藥買了，藏在衣櫃裡，等家裡沒人',
    "the pills are next to me and I'm so sorry",
    '我在陽台上，已經站了一個小時了，十二樓',
  ])('%s is imminent', (text) => {
    expect(tierOf(text)).toBe('imminent');
  });

  it('does not let a time said to promise nothing will happen make a wish imminent', () => {
    expect(tierOf("I don't want to be alive. I'm not going to do anything tonight, I just need someone to know")).toBe('high');
  });
});

describe('platform formatting (b22)', () => {
  it('reads a content warning at the top of a post as a list of topics', () => {
    expect(tierAtLeast(tierOf('TW: suicide, self harm. my cousin told me she has been cutting and I want to help her'), 'high')).toBe(false);
    expect(tierAtLeast(tierOf("TW: suicide. I've been thinking about killing myself every night"), 'high')).toBe(true);
  });

  it('reads a Weibo repost chain as someone else’s words, and the writer’s own comment as theirs', () => {
    expect(tierAtLeast(tierOf('哈哈哈同感 //@小雨:我真的好想死 转发微博'), 'high')).toBe(false);
    expect(tierAtLeast(tierOf('我也真的好想死 //@小雨:今天好累'), 'high')).toBe(true);
  });

  it('does not let "safe for tonight" turn a wish into a plan for tonight', () => {
    expect(tierOf("I want to die. Edit: thanks everyone, I'm safe for tonight")).toBe('high');
  });
});
