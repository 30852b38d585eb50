import { cue, mask } from './cue.js';
import type { Cue } from './cue.js';

/*
 * Means and finality by category (the third round, data/README.md): written
 * from what people use and how they say they have done it or set it up, not
 * from one batch's phrasing. Each entry pairs a means with the verb that makes
 * it an act or a plan (drank, swallowed, poured into a cup, put in the car,
 * taped, tied, lined up); the means alone stays a modifier. Chinese patterns
 * are written against normalised Traditional text, English against
 * lower-cased text with contractions restored.
 */

const any = (...alternatives: readonly string[]): string => alternatives.join('|');

/** Household and farm poisons in Chinese. */
const ZH_TOXIN = '(?:漂白水|漂白劑|農藥|巴拉刈|除草劑|殺蟲劑|老鼠藥|清潔劑|通樂|鹽酸|強酸|防凍液|水箱精|洗碗精|穩潔|殺蟑藥)';
/** The same in English. */
const EN_TOXIN = '(?:bleach|antifreeze|drain cleaner|drano|pesticide|weed ?killer|herbicide|paraquat|rat poison|insecticide|oven cleaner|toilet cleaner|lye)';
/** Medication words the overdose patterns accept after a quantity. */
const ZH_PILLS = '(?:安眠藥|助眠藥|史蒂諾斯|使蒂諾斯|贊安諾|百憂解|普拿疼|止痛藥|鎮定劑|抗憂鬱藥|藥丸|藥片|藥)';
const EN_PILLS = "(?:pills|tablets|meds|medication|sleeping pills|painkillers|tylenol|paracetamol|acetaminophen|panadol|advil|ibuprofen|xanax|seroquel|ambien|benadryl|insulin)";
const EN_VEHICLE = '(?:train|truck|bus|car|mrt|lorry|semi|traffic)';
const ZH_STOP = '[^,.!?。，！？\\n]';

/** Everyday uses of the same words, blanked before cues are matched. */
export const MEANS_MASKS: readonly RegExp[] = [
  // cleaning: poured down the drain, 倒進馬桶
  mask(`\\bpour(?:ed|ing)?\\b[^.!?\\n]{0,40}\\bdown (?:it|the (?:drain|sink|toilet|pipes?))\\b`),
  // a bottle of something ordinary: "a whole bottle of water"
  mask(`\\b(?:whole|entire|full) (?:bottle|box|pack) of (?:water|wine|beer|soju|juice|milk|tea|coffee|vitamins?|gum|cereal|chips|cookies|sunscreen|shampoo|lotion|hot sauce)\\b|(?:一整|整)(?:瓶|盒|包)(?:的)?(?:水|酒|啤酒|果汁|牛奶|茶|咖啡|維他命|餅乾|洋芋片)`),
  // shaving
  mask(`\\b(?:razor|blade)s? (?:for|on) (?:my )?(?:legs?|armpits?|face|beard|bikini line|eyebrows)\\b|\\bshaving (?:my )?(?:legs?|armpits?|face)\\b|刮(?:鬍子|腿毛|腋毛)`),
  // a meme, not a method
  mask(`上吊蠟燭`),
  // taping windows against a typhoon or for painting
  mask(`(?:颱風|防颱|油漆|冷風)${ZH_STOP}{0,12}(?:膠帶|封|貼)|(?:\\b(?:typhoon|storm|hurricane|painting)\\b)[^.!?\\n]{0,24}\\btaped?\\b`),
  mask(`(?:倒進|倒入|倒在)(?:馬桶|水管|排水孔|水槽|地上|拖把)`),
  // a goodbye to a job, a boss, a place: "goodbye forever to that manager", 「再見了這個爛地方」
  mask(`\\b(?:goodbye|bye|farewell)(?: forever)? to (?:that|this|my|the|all) (?:manager|boss|job|place|club|shop|store|landlord|apartment|flat|city|clients?|customers?|company|office|bar)s?\\b`),
  // 「謝謝大家這兩年的照顧」 said when moving or quitting
  // "my last post about this", 「今天最後一篇」: the last of a topic or a day
  mask(`\\bmy last (?:post|message|update) (?:about|on|for|in|of|before|until|till) (?:this|that|the|it|today|tonight|my|i)\\b`),
  mask(`(?:搬(?:回|去|到|家)|離職|換工作|退租|回老家)${ZH_STOP}{0,20}謝謝(?:大家|你們|妳們)${ZH_STOP}{0,8}照顧`),
];

/** Cues added by category. */
export const MEANS_CUES: readonly Cue[] = [
  // --- poisons and chemicals taken: an attempt under way
  cue('attempt:poison', 'attempt', any(
    `(?:喝|吞|灌)(?:了|下|掉)${ZH_STOP}{0,6}${ZH_TOXIN}`,
    `${ZH_TOXIN}${ZH_STOP}{0,14}(?:[,，]${ZH_STOP}{0,4})?(?:喝|吞|灌)(?:了|下去了|下去|掉了)(?:一|兩|幾|半|[0-9])?(?:口|杯|瓶)?`,
    `\\b(?:drank|drunk|swallowed|downed|chugged|gulped)\\b[^.!?\\n]{0,24}\\b${EN_TOXIN}\\b`,
    `\\b${EN_TOXIN}\\b[^.!?\\n]{0,40}\\b(?:drank|swallowed|downed|chugged) (?:it|some|half|most)\\b`,
  )),
  // --- setting a poison up to drink: mixed in a cup, "just gotta drink it"
  cue('method:poison-prepared', 'method', any(
    `\\b(?:mix(?:ed|ing)?|pour(?:ed|ing)?)\\b[^.!?\\n]{0,30}\\b${EN_TOXIN}\\b[^\\n]{0,60}\\b(?:cup|glass|drink)\\b`,
    `\\b${EN_TOXIN}\\b[^\\n]{0,80}\\b(?:gotta|going to|gonna|have to|about to|will) (?:drink|swallow|chug|down) (?:it|the rest|all of it)\\b`,
    `\\b(?:(?:going to|gonna|about to|want to|will) (?:drink|swallow|chug)|drinking|swallowing|chugging) (?:the |some |that |a cup of |a glass of )?${EN_TOXIN}\\b`,
    `\\b${EN_TOXIN}\\b (?:is |sits )?(?:poured )?(?:in|into) (?:a|the|my) (?:cup|glass|mug|bottle)\\b`,
    "\\bmix(?:ed|ing)? (?:the )?bleach (?:and|with) (?:ammonia|vinegar|the other)|\\bchlorine gas\\b",
    `${ZH_TOXIN}${ZH_STOP}{0,6}(?:倒進|倒在|倒入|裝進|裝在)${ZH_STOP}{0,3}(?:杯子|杯|碗|瓶子|寶特瓶)`,
    `(?:要|準備|打算|想|等一下|等下|待會)(?:去)?(?:喝|吞)(?:掉|下)?${ZH_STOP}{0,4}${ZH_TOXIN}`,
    `${ZH_TOXIN}[^。！？\\n]{0,16}(?:等一下|等下|待會|晚點|現在|準備|今晚)(?:就|要)?(?:把它|全部)?(?:喝|吞|灌)(?:掉|下去)?`,
  )),
  // --- a means bought behind a cover story, or with nobody noticing
  cue('preparation:cover-story', 'preparation', any(
    `(?:買|拿|領)(?:了|到)${ZH_STOP}{0,8}(?:${ZH_TOXIN}|木炭|炭|繩子|安眠藥|刀片)[^\\n]{0,30}(?:問我(?:是不是|要(?:幹嘛|做什麼|用來))[^\\n]{0,16}我${ZH_STOP}{0,6}(?:說對|說是|點頭|騙|隨便說)|沒(?:有)?(?:多)?(?:問|看我一眼))`,
    `\\b(?:bought|got|picked up)\\b[^.!?\\n]{0,30}\\b(?:${EN_TOXIN}|charcoal|rope|sleeping pills)\\b[^\\n]{0,50}\\b(?:didn'?t even look at me|didn'?t (?:even )?ask|no one asked|nobody asked|i (?:said|told (?:him|her|them)) it was for)\\b`,
  )),
  // --- overdose: a whole box swallowed, pills lined up and counted
  cue('attempt:overdose', 'attempt', any(
    `(?:吞|吃)(?:了|下|掉)(?:整|一整|全部|所有的?|[兩二三四五六七八九十\\d]+)(?:盒|瓶|排|包)${ZH_STOP}{0,4}(?:${ZH_PILLS})?`,
    `\\b(?:swallowed|took|taken|downed|popped)\\b (?:the |a |my )?(?:whole|entire|full) (?:bottle|box|pack|packet|strip)\\b`,
    `\\b(?:swallowed|took|taken|downed|popped)\\b (?:all (?:of )?(?:my|the)|every one of (?:my|the)|(?:like )?\\d{2,}\\b(?! ?(?:mg|ml|mcg|g)\\b)|a (?:whole |big )?handful of)\\b[^.!?\\n]{0,14}\\b${EN_PILLS}`,
  )),
  // pills bought a few boxes at a time from more than one pharmacy, said as knowing what one is doing
  cue('plan:knowingly', 'decided', "我知道(?:自己|我)在做什麼|該做的(?:事)?(?:都|也)?做(?:完|好)了|\\bi know (?:exactly )?what i'?m doing\\b(?! (?:at|with|in) (?:work|my job|the)\\b)"),
  cue('prepared:laid-out', 'prepared', any(
    '(?:另一家|別家|好幾家|不同(?:的)?|每一?家)藥(?:局|房)(?:又)?(?:買|各買)',
    '(?:放|藏|收)在(?:機車|車上|車裡|置物箱|後車廂|背包|包包裡|抽屜|床底|櫃子)',
    '一顆一顆(?:排|擺|數|倒)', '(?:排|擺|倒)(?:在|到)(?:桌上|桌子上|床上|地上|手上|手心)', '剛好[\\d一兩二三四五六七八九十百]+顆',
    "\\b(?:lined|laid|counted|set) (?:them |it |all )?(?:up|out)\\b", "\\bi know exactly (?:where|which|how)\\b",
  )),
  // --- how many it takes: research into a method
  cue('research:dose', 'research', any(
    `(?:吃|吞)(?:幾|多少)(?:顆|粒|盒|錠)(?:才)?(?:會)?(?:死|致死|沒救|走|肝${ZH_STOP}{0,4}(?:壞|衰竭|爛))`,
    `${ZH_TOXIN}(?:要)?(?:喝|吃)(?:多少|幾口|幾瓶)(?:才)?(?:會)?(?:死|致死|沒救)`,
    `\\bhow (?:many|much)(?: of)?(?: (?:my|the|these|those))? [a-z]+(?: [a-z]+)? (?:does it|would it|do you need to|would i need to|do i need to|do i have to|until it|before it|to) (?:take|kill|od|overdose|be (?:fatal|lethal|enough)|shut|destroy|fry)\\b`,
    `\\bhow much ${EN_TOXIN}\\b[^.!?\\n]{0,20}\\b(?:kill|fatal|lethal|die|take)\\b`,
    "\\b(?:lethal|fatal) (?:dose|amount) of\\b",
    // found, not still looking (「一直在查不會痛的方法」 is a wish with thought about how: high)
    '(?:(?:找|查|選|想)(?:到|好)(?:了)?|找了)(?:一個|一種)(?:不會痛|不痛|最不痛|無痛|最快|最不會痛)的(?:方法|方式|死法)',
  )),
  // --- charcoal and gas set up in a closed space
  cue('method:charcoal-setup', 'method', any(
    `(?:木炭|炭|炭盆|烤肉炭)${ZH_STOP}{0,10}(?:放進|放在|搬進|帶進|拿進|擺進|擺在)${ZH_STOP}{0,4}(?:車|車裡|車上|房間|浴室|廁所|衛生間|洗手間|套房|密閉)`,
    `(?:門縫|窗縫|窗戶|門窗|車窗|通風口|抽風機)${ZH_STOP}{0,8}(?:膠帶|封(?:好|死|起來|住|了)|貼(?:好|死|起來|住|滿))`, `(?:門縫|窗縫|通風口)${ZH_STOP}{0,4}(?:塞|堵)(?:了|好|住|滿)`,
    `膠帶${ZH_STOP}{0,6}(?:封|貼)${ZH_STOP}{0,4}(?:窗|門縫|門)`,
    '開瓦斯(?!爐)|瓦斯(?:開著|不關|打開了|全開)|(?:吸|聞)一氧化碳',
    "\\btaped? (?:up )?(?:the |my )?(?:car |bedroom |bathroom )?(?:windows?|doors?|vents?|gaps?)\\b(?![^.!?\\n]{0,24}\\b(?:typhoon|storm|hurricane|draft|drafts|cold|paint|painting|painter)\\b)",
    "\\b(?:charcoal|grill|brazier)\\b[^.!?\\n]{0,30}\\b(?:in|into) (?:the|my) (?:car|bathroom|bedroom|room|closet)\\b",
    "\\bhose\\b[^.!?\\n]{0,24}\\bexhaust\\b|\\bexhaust\\b[^.!?\\n]{0,24}\\bhose\\b",
    "\\b(?:turned|turn|leave|left) (?:on )?the gas (?:on|without lighting)\\b",
    "\\b(?:running|ran|run|left|leave|leaving|started|start) the (?:car|engine)(?: running)?\\b[^.!?\\n]{0,30}\\b(?:in the garage|doors? (?:closed|shut)|windows (?:up|closed|shut))\\b",
  )),
  // --- water, trains, traffic
  cue('method:water-traffic', 'method', any(
    '(?:一直|慢慢|就)?往(?:海|河|水)?裡(?:面)?走(?:就好|進去|到底|下去)', '走進(?:海|河|湖|水|溪)裡',
    '(?:站在|走到|跨過|越過|跨出|踩在)(?:月台)?(?:的)?黃線(?:外|外面|以外)', '臥軌', '跳(?:下)?(?:軌道|鐵軌)', '(?:衝|走|跳)(?:向|到|進)(?:車道|馬路中間|火車前面|車前面)',
    `\\b(?:step|stepping|walk|walking|jump|jumping|throw myself|threw myself)(?: out)? in front of (?:a|the|an|that|some)\\b[^.!?\\n]{0,16}\\b${EN_VEHICLE}\\b`,
    "\\b(?:walk|walking|walked) into the (?:sea|ocean|river|lake|water) (?:and (?:not|never)|until|for good)\\b",
    "\\bkeep walking (?:into the (?:sea|ocean|water)|until the water)\\b",
  )),
  // --- blades and hanging: tied, tested, fresh blades for more than a scratch
  cue('method:hanging-setup', 'method', any(
    `(?:繩子|繩|皮帶|床單|延長線)${ZH_STOP}{0,6}(?:綁|掛|繫|固定)(?:在|好|上)${ZH_STOP}{0,8}(?:橫桿|桿|樑|梁|門|衣櫃|門把|吊扇|水管|欄杆|上面)`,
    '(?:打|綁)好(?:了)?(?:一個)?(?:繩)?結|繩(?:子)?(?:套|圈)(?:好|了)',
    "\\b(?:tied|tying|hung|hanging|fixed|knotted) (?:the |a |my )?(?:rope|belt|cord|sheet|noose)\\b[^.!?\\n]{0,30}\\b(?:to|around|over|from|on) (?:the|my|a) (?:rod|beam|rail|door|closet|banister|hook|fan|pipe|railing|tree)\\b",
    "\\b(?:made|tied|tested) (?:a |the )?noose\\b",
    "\\b(?:rope|belt|cord|noose|sheet) (?:is |'s )?(?:around|tied to|hanging from|over|on) (?:the|my) (?:rod|beam|rail|door|closet rod|closet|banister|hook|ceiling fan|fan|pipe|railing)\\b", "\\b(?:tested|tried) (?:it|the rope|the belt|the knot)\\b[^.!?\\n]{0,16}\\b(?:holds|held|hold my weight)\\b",
  )),
  cue('self-harm:more-than', 'self-harm', any(
    '不(?:想|要|會)(?:再)?只是(?:劃|割|刮)(?:一下|一點|表面|手)?', '(?:劃|割)(?:得|的)?(?:更深|深一點|到底)',
    "\\b(?:not|won'?t) (?:just|only) (?:cut|scratch|scratching|cutting)\\b(?! (?:it|my hair|the|a|your|his|her|back|down|out|ties|off)\\b)", "\\bcut deeper\\b",
  )),
  // --- firearms made ready
  cue('method:firearm-ready', 'method', any(
    "\\b(?:loaded|cleaned and loaded|took out|got out) (?:the |my |his |dad'?s |my dad'?s )?(?:gun|pistol|rifle|shotgun|revolver)\\b",
    "\\b(?:gun|pistol|rifle|shotgun|revolver)\\b[^.!?\\n]{0,40}\\b(?:it'?s|is) loaded\\b[^\\n]{0,60}\\b(?:away|gone|out|alone|nobody)\\b",
    '(?:槍|手槍)(?:裡)?(?:已經)?(?:裝好|上膛|有子彈)',
  )),
  // --- finality without death words
  cue('preparation:handover', 'preparation', any(
    '(?:手機|電腦|帳號|銀行|提款卡|存摺|信箱|臉書|ig|line)(?:的)?密碼(?:是|寫在|在|放在|都寫)',
    '該交代的(?:都|也)?交代(?:好|完)?了', `(?:存摺|存款|手鍊|戒指|項鍊|鑰匙|遺物|提款卡)${ZH_STOP}{0,10}(?:放在|裝在|裝進|放進)信封`, '密碼(?:都)?(?:寫在|放在|夾在)(?:筆記本|紙上|便條|抽屜|信裡|信封)', `帳號${ZH_STOP}{0,4}(?:你們|妳們|大家)(?:幫我)?(?:處理|刪掉|關掉)`, '(?:遺書|遺言)(?:寫好|寫完|留在|放在|都寫)', '寫好(?:了)?(?:遺書|遺言)',
    '東西(?:都|全部|也)?(?:整理好)?(?:送人|送掉|送出去)了', '(?:東西|存款|遺物)(?:都|全部)?分(?:好|配好|完)了',
    '(?:衣服|包包|鞋子|首飾|存款|錢|貓|狗|電腦|手機)給[^,，。]{1,4}[,，、](?:衣服|包包|鞋子|首飾|存款|錢|貓|狗|電腦|手機)給', '房租(?:也|都)?(?:繳|付)(?:到|好)(?:月底|下個月)',
    "\\b(?:password|passcode|pin|passwords) (?:to|for) my\\b[^.!?\\n]{0,20}\\b(?:is|are) (?:on|in|under|written|taped|the)\\b",
    '(?:都|也)?(?:交代|處理|安排)(?:完|好)了[,，]?(?:我)?(?:可以)?(?:安心|放心)(?:地)?走了',
    "\\b(?:my )?affairs (?:are )?in order\\b(?! (?:for|before)\\b)", "\\b(?:my )?will is (?:on|in|under) (?:my|the)\\b",
    "\\bpasswords? (?:is|are) (?:in|on|under) (?:the|my|a)\\b",
    "\\bmade arrangements for my (?:cat|cats|dog|dogs|pets?|kids?|son|daughter|plants)\\b(?! (?:while|during|for the|when|until|over|so i can|because)\\b)",
    "\\bpaid (?:my |the )?rent (?:through|until|till|up to|ahead)\\b(?![^.!?\\n]{0,30}\\b(?:trip|travel|away|abroad|contract|lease|visa)\\b)",
    "\\b(?:gave|giving|given) (?:away )?my\\b[^.!?\\n]{0,40}[.!,;]? ?[^.!?\\n]{0,20}\\bwon'?t need (?:them|it|any of (?:it|them))\\b(?! (?:in|at|for|until|till|when|after|now that|since|because)\\b)",
    "\\bi'?ve written (?:letters|a letter|notes|a note)\\b(?! (?:of|to (?:the|my) (?:landlord|boss|school|teacher|manager|company|bank|professor|court)))",
  )),
  // 「看到這篇的時候我已經不在了」, "if you're reading this, I'm already gone"
  cue('farewell:when-read', 'farewell', any(
    `(?:看到|讀到|收到)這(?:篇|封|則|段|些)(?:話|信)?(?:的時候|時)${ZH_STOP}{0,10}(?:已經)?(?:不在|走了|離開)`,
    "\\bif (?:you'?re|you are|anyone is) reading this,? (?:then )?i'?m (?:already )?gone\\b",
    '最後一次(?:跟|和|對)(?:你們|妳們|大家|各位)(?:說|道)(?:晚安|再見)',
    // on a bridge or a roof and not going home: 「人在橋上，不想回家了」
    `(?:橋上|頂樓|天台|樓頂|海邊|月台|河邊|堤防)${ZH_STOP}{0,8}[,，]?${ZH_STOP}{0,4}不(?:想|打算|會)(?:再)?回(?:家|去)了?`,
    `(?:橋上|頂樓|天台|樓頂|海邊|月台|河邊|堤防)(?:了)?${ZH_STOP}{0,6}[,，]?這次是(?:真|認真)的`,
    "\\b(?:on|at) the (?:bridge|roof|ledge|tracks)\\b[^.!?\\n]{0,30}\\b(?:not (?:walking|going|coming) (?:back|home)|won'?t (?:walk|go|come) (?:back|home))\\b",
  )),
  cue('farewell:last-words', 'farewell-weak', any(
    '(?:跟|給)每(?:一)?個(?:朋友|人)(?:都)?(?:傳|發|說)(?:了)?(?:訊息)?(?:說)?(?:謝謝|再見)',
    '謝謝(?:大家|你們|妳們)[,，]?(?:對不起|抱歉)[。!！.]?$', '(?:幫我)?照顧好(?:我媽|我爸|我妹|我弟|我的貓|我的狗|牠|牠們|他們)[,，]?拜託(?:你們|妳們|大家)?了?',
    "\\bsaying (?:my )?goodbyes? now\\b", "(?:^|[.!] )(?:last|final) message\\b", "\\bit wasn'?t (?:your|anyone'?s|any of your) fault\\b",
    '以後不(?:用|會|需要)再麻煩(?:大家|你們|妳們|你|妳)', '謝謝(?:你們|妳們|大家)這(?:段時間|些日子|陣子)(?:以來)?(?:一直)?(?:陪|照顧|包容|的陪伴|(?=[,，。.!！]|$))',
    `(?<=[^,.!?。，！？\\n])(?:拜託|麻煩)(?:你們|妳們|大家)(?:幫我)?照顧(?:牠|他|她|好)?`, '(?:在這裡)?(?:發|寫|po)的最後一(?:條|篇|則|次)',
    '再見了(?:大家|各位)(?![^。！？\\n]{0,12}(?:常聯絡|保持聯絡|下次|有空|回來))', '(?:就)?到這裡(?:為止)?了(?:,|，)?(?:謝謝|再見|對不起)',
    "\\bthis is my last (?:post|message|time posting|update)\\b", "(?:^|[.!] )final (?:post|message)\\b", "\\bi'?ve said (?:my|all my|our) goodbyes\\b(?! to)",
    "\\bplease look after (?!yourselves|yourself|each other)[a-z]+", '就拜託(?:大家|你們|妳們)了', '永遠的晚安|晚安[^。！？\\n]{0,4}永遠|永別了(?:大家|各位)', "\\bby the time (?:you|anyone|someone) (?:reads?|sees?|finds?) this\\b",
    "\\btake care of my (?:dog|cat|cats|dogs|bird|rabbit|kid|kids|son|daughter|plants) for me\\b(?! (?:this|next|while|over|until|for (?:a|the)|when))",
  )),
  // 「這次回去就不打算回來了」: a trip with no return, a goodbye rather than a plan
  cue('farewell:no-return', 'farewell-weak', `不(?<=(?:這次|這一次)${ZH_STOP}{0,6}不)(?:打算|會|想)(?:再)?回(?:來|去|家)?`),
  cue('leaving:no-return', 'leaving', any(
    '下輩子(?:不要|別|不想)再(?:當|做|生|遇到|來|經歷)', '可以(?:安心|放心)(?:地)?走了', '要去很遠(?:很遠)?的地方(?=$|[,，。！？])',
    "(?:^|[.!?] )it'?s time(?: now)?[.!]?$", "\\bwon'?t need (?:them|it|any of (?:it|them)) (?:anymore|where i'?m going)\\b",
    "\\b(?:i'?m|i am) (?:at peace|okay|ok|fine|calm) with (?:my|the|this) (?:decision|choice)\\b",
  )),
];
