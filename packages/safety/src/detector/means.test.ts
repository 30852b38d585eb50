import { describe, expect, it } from 'vitest';
import { detectCrisis, tierAtLeast } from './index.js';
import type { RiskTier } from './index.js';

/*
 * The third round (data/README.md): means and finality by category, each
 * means with the verb that makes it an act or a plan, next to the everyday
 * use of the same words. Every crisis line here was answered none or concern
 * before lexicon-means.ts; every calm line marked "was raised" was high or above.
 */

function tierOf(text: string): RiskTier {
  return detectCrisis(text).tier;
}

function expectCrisis(texts: readonly string[]): void {
  for (const text of texts) expect(tierAtLeast(tierOf(text), 'high'), text).toBe(true);
}

function expectCalm(texts: readonly string[]): void {
  for (const text of texts) expect(tierAtLeast(tierOf(text), 'high'), text).toBe(false);
}

describe('poisons and chemicals', () => {
  it('reads a poison drunk, poured into a cup or about to be drunk as crisis', () => {
    expectCrisis([
      '剛剛吞了半瓶清潔劑',
      '已经喝了半瓶漂白水',
      '喝了除草劑，現在肚子好痛',
      '我把防凍液倒進杯子裡了',
      '漂白水跟通樂混在一起了，等一下就喝',
      '剛剛把整瓶漂白水倒進杯子裡，喝了兩口，喉嚨好燙',
      'i swallowed some antifreeze',
      'drinking the pesticide tonight',
      'the antifreeze is in a cup next to me',
      'I mixed bleach and ammonia in the bathroom and closed the door',
      'mixed the bleach with the other stuff under the sink in a cup. it smells awful. just gotta drink it',
    ]);
    expect(tierOf('剛剛吞了半瓶清潔劑')).toBe('imminent');
    expectCalm([
      '今天大掃除，浴室用漂白水刷了一遍，味道好重記得開窗',
      '排水管又塞住了，買了一罐通樂，希望有用',
      '防凍液要去哪裡買比較便宜？機車行說他們沒賣',
      'deep cleaned the bathroom with bleach today, my eyes are still watering lol',
      'antifreeze leaked all over the garage floor, careful if you have pets',
      'I would never drink bleach lol',
    ]);
  });

  it('does not read drain cleaner poured down a drain as a means at hand (was raised)', () => {
    expectCalm(['the drain is clogged again, poured a whole bottle of drain cleaner down it', '水管塞住了，倒了半瓶通樂進去']);
  });

  it('reads a farm poison put away with a day to use it, or with no return, as crisis', () => {
    expectCrisis(['農藥我放在機車置物箱，明天就去阿公的田', "there's antifreeze in my uncle's garage. i know exactly which shelf. going over there sunday"]);
  });
});

describe('charcoal, gas and exhaust', () => {
  it('reads charcoal taken into a closed space, sealed gaps and a hose to the exhaust as crisis', () => {
    expectCrisis([
      '烤肉炭帶進浴室了，門也鎖了',
      'i put the charcoal in the car, driving somewhere quiet after work',
      'running the engine in the garage with the door closed',
      'got a hose that fits the exhaust. parked somewhere quiet. sorry guys',
    ]);
    expectCalm(['中秋烤肉誰要一起？我負責買木炭跟肉片', 'my landlord taped the windows for the typhoon', 'who\'s bringing charcoal to the bbq saturday? I\'ve got the burgers']);
  });
});

describe('medication overdose', () => {
  it('reads pills counted out in a row, or how many it takes, as crisis', () => {
    expectCrisis([
      '史蒂諾斯我一顆一顆排在桌上，剛好三十顆',
      '查了普拿疼要吃幾顆肝才會壞掉，其實家裡就有兩盒',
      '找了一個不會痛的方法',
    ]);
    expectCalm([
      '醫生說普拿疼一天最多吃八顆',
      'how many tylenol can I take for a fever?',
      'how many advil can you take in a day for cramps? mine are killing me',
      'took 800 mg ibuprofen for my back',
      'volunteering at the night watch taught me how many of us have wanted to die at some point',
    ]);
  });
});

describe('water, trains and hanging', () => {
  it('reads walking into the sea, the platform edge and a noose made fast as crisis', () => {
    expectCrisis([
      '晚点去海边，一直往里走就好了，不用等谁',
      '我站在月台黃線外面，下一班車還有三分鐘',
      'if i step in front of the 11:40 train nobody has to deal with me anymore',
      'belt is around the closet rod. just need to do it',
    ]);
    expectCalm(['去海邊走走吹吹風，心情有好一點，晚點回家', '電影最後那幕男主角走進海裡，我整個哭爆', 'tied the rope to the tent pole for camping']);
  });

  it('does not raise a party or a birthday on the roof (was raised)', () => {
    expectCalm(['週六在頂樓辦生日趴，有夜景有啤酒，姊妹們都來', 'roof party tonight!!']);
  });

  it('reads a fresh blade for more than a scratch as self-harm', () => {
    expectCrisis(['美工刀的刀片換新的了，今晚不想只是劃一下']);
  });
});

describe('firearms', () => {
  it('reads a gun loaded by the writer as crisis, and a gun kept at home as nothing', () => {
    expectCrisis(["loaded my dad's gun"]);
    expectCalm(['my dad keeps a gun at home for hunting and it honestly makes me nervous when my nephew visits']);
  });
});

describe('finality without death words', () => {
  it('reads handing over passwords, pets and belongings with a goodbye as crisis', () => {
    expectCrisis([
      '小黑拜託你們照顧，牠的飼料在流理台下面，手機密碼是我生日',
      '密碼寫在筆記本裡，帳號你們處理一下，謝謝你們這段時間',
      '東西都整理好送人了，房租也繳到月底，該交代的都交代了。再見了大家',
      '我的東西都分好了，衣服給小美，包包給阿玲',
      '狗狗就拜託大家了，我要去很遠的地方',
      'please take care of my dog for me. his leash is by the door. password to my laptop is on a sticky note',
      'Final post. Passwords are in the blue notebook. Please look after Mochi',
      'my affairs are in order. the will is on my desk',
      "gave away my guitar and my plants this week. won't need them",
    ]);
    expectCalm([
      '房間的密碼鎖密碼寫在冰箱上了，室友回來自己開',
      '下個月搬回台南了，謝謝大家這兩年的照顧，貓也會一起帶走',
      '離職了，謝謝大家這段時間的照顧，有空常聯絡',
      'my affairs are in order for the move, lease signed',
      'moving back to Kaohsiung next week. thank you all for these two years, I\'ll miss you',
    ]);
  });

  it('reads last words and a goodbye for good as crisis', () => {
    expectCrisis([
      '以後不用再麻煩大家了，謝謝你們這段時間一直陪我',
      '这是我在这里发的最后一条了。下辈子不要再当我了',
      '如果看到這篇的時候我應該已經不在這裡了',
      '下輩子不要再遇到這些事了，晚安了大家，永遠的晚安',
      '交代完了，可以安心走了',
      "I've said my goodbyes. it's time",
      "I won't be a problem for anyone much longer. I'm at peace with my decision",
    ]);
    expect(tierOf('以後不用再麻煩大家了')).toBe('concern');
    expectCalm([
      '下輩子想當一隻貓',
      '我先走了喔，明天還要早起接客，大家晚安',
      '離職最後一天！謝謝店裡的姊妹，再見了大家，以後常聯絡',
      "I'm at peace with my decision to leave the shop",
    ]);
  });

  it('does not raise the last post about a topic, before a holiday, or a goodbye to a boss (was raised)', () => {
    expectCalm([
      'my last post about this topic, promise',
      'this is my last post before my vacation, see you in two weeks',
      'last shift at the club tonight!!! goodbye forever to that manager',
    ]);
  });
});

describe('heights and goodbyes said once more', () => {
  it('reads a roof or bridge with no way home, a last goodnight and thanks with an apology as crisis', () => {
    expectCrisis([
      '我爬到天台了，這次是真的',
      '人在碧潭橋上，不想回家了',
      "on the bridge again. this time i'm not walking back",
      '最後一次跟你們說晚安了',
      '我先走了，謝謝大家，對不起',
      '帮我照顾好我妈，拜托了',
      '謝謝你們這段時間，我真的累了，不想再撐了',
      'saying goodbye now. i love you guys. sorry',
      "last message: thank you for trying. it wasn't your fault",
      "i've made arrangements for my cat and paid my rent through march. i'm ready",
    ]);
    expectCalm([
      '這次是認真的，我要減肥',
      '今天好累，不想回家了',
      '我先走了，店裡見',
      '謝謝你們這段時間的陪伴，我下個月要去新工作了',
      'killing time on the roof before my shift lol',
      'three years ago I stood on that bridge. today I walked across it with my daughter',
      "made arrangements for my cat while I'm in Japan",
      'paid my rent through march before the trip',
    ]);
  });

  it('does not read the 上吊蠟燭 meme as a method (was raised)', () => {
    expectCalm(['上吊蠟燭是什麼鬼，好好笑']);
  });
});

describe('platform registers and ordinary bottles', () => {
  it('reads charcoal carried into a Weibo 衛生間 with the gap stuffed as crisis', () => {
    expectCrisis(['#树洞# 刚把买来的炭搬进卫生间了，门缝塞了毛巾[泪]']);
  });

  it('does not raise a bottle of water or charcoal for camping (was raised)', () => {
    expectCalm(['I took a whole bottle of water to the gym lol', '买了一袋木炭，明天露营烤串']);
  });
});

describe('pills gathered knowingly and errands before the roof', () => {
  it('reads pills bought from one pharmacy after another, and a day of goodbyes ending on the roof, as crisis', () => {
    expectCrisis([
      '這幾個月被罰了三次，房東又說要漲房租。我媽住院，錢都是我在付。昨天去藥局買了兩盒普拿疼，今天又去另一家買了兩盒。我知道自己在做什麼。',
      '我今天去了好多地方，吃了小時候最愛的滷肉飯，去看了海，跟每個朋友都傳了訊息說謝謝。該做的都做完了，晚點就去頂樓。',
    ]);
    expectCalm([
      '這幾個月被罰了三次，房東又說要漲房租。我媽住院，錢都是我在付。今天去社工那邊問了補助，他們說可以幫忙申請，心裡輕鬆一點。',
      '我今天去了好多地方，吃了小時候最愛的滷肉飯，去看了海。休假真好，明天繼續上班',
      '該做的都做完了，可以睡了',
    ]);
  });

  it('does not read a razor for shaving in the bath as a means (was raised)', () => {
    expectCalm(["I'm in the bath with a face mask and a razor for my legs, peak self care"]);
  });
});
