/*
 * Context rules: where a clause starts and ends, and whether a cue in it is
 * negated, about someone else, in the news, in the past, quoted, or
 * conditional. Both languages are handled together so mixed text works.
 */

/** A span of normalised text, end exclusive. */
export type Span = Readonly<{ start: number; end: number }>;

const CLAUSE_BREAK = /[.!?;。！？；\n,，、:：…~～]+|\s+but\s+|但是?|可是|不過/gu;
const QUOTE = /「[^」]*」|『[^』]*』|“[^”]*”|"[^"\n]*"|《[^》]*》|〈[^〉]*〉/gu;

const FIRST_PERSON = /我|自己|本人|老娘|\b(?:i|i'm|im|i've|i'll|i'd|me|myself)\b/u;
const SUBJECT =
  /我|自己|本人|老娘|他們|她們|他|她|朋友|同事|姊妹|姐妹|姊姊|姐姐|妹妹|弟弟|哥哥|媽媽|爸爸|姊|姐|妹|弟|哥|媽|爸|嫂|姨|舅|叔|阿嬤|阿公|奶奶|爺爺|室友|客人|老闆|男友|女友|老公|老婆|網友|身邊的人|大家|(?<!沒)有人|某人|別人|主角|角色|藝人|明星|網紅|學生|鄰居|司機|作者|歌手|你們|妳們|你|妳|您|\b(?:i|i'm|im|i've|i'll|i'd|me|myself|he|she|they|he's|she's|they're|his|her|someone|somebody|anyone|whoever|people|friend|sister|brother|mom|mum|dad|mother|father|roommate|coworker|colleague|client|boss|guy|girl|woman|man|character|you|your|you're|u|grandma|aunt|cousin|pharmacist|doctor|doc|nurse|therapist|psychiatrist|counsell?or|social worker|cops?|police)\b|醫生|藥師|護理師|社工|警察/gu;
// 「罵我」「我跟她說」, "told me": objects of speech are not who is speaking.
// 「我媽的藥」, "my mom's pills": a possessor is not who acts.
const POSSESSIVE =
  /\b(?:my|your|his|her|our|their) (?:\w+ )?\w+'s\b|(?:我|你|妳|他|她)(?:的)?(?:媽媽|爸爸|媽|爸|姊姊|姐姐|妹妹|弟弟|哥哥|姊|姐|妹|弟|哥|阿嬤|朋友|室友|客人|老闆|男友|女友)的|別人(?:看不到|看不見|不知道|都不知道)的/gu;
const OBJECT_ME =
  /(?:是|成為|當)(?:他們|她們|他|她|你們|你|妳|家人|大家)的|(?:叫|罵|跟|對|和|告訴|問|要|勸|給)(?:我|他們|她們|他|她|你們|妳們|你|妳|大家)|\b(?:told|tell|tells|asked|ask|asks|texted|text|yelled at|called|to|with) (?:me|him|her|them|you)\b/gu;

const NEGATION_ZH =
  /(?<!是|要|會|能|可|好|對|忍著|忍住|克制)不(?!知|曉|確|懂|停|斷|住|了|下|開|行|得|到|起|過|出|管|安|舒|好|然|著|堪|如|配|少|錯|讓)|沒(?!用|辦法|人|意|救|事|錢|路|力|希望|什麼|有人|有意|有未來|有希望|有路|有明天|有動力)|別|未|絕不|從不|從沒/u;
// "I don't have any plan to hurt myself", "no intention of": intent denied a few words before the cue.
const NO_PLAN_EN = /\bnot because (?:i'?m |i )?$|(?:\bno|n't have (?:any|a)|\bnot have (?:any|a)|\bwithout (?:any|a))\s+(?:real |actual )?(?:plans?|intentions?|intent|desire|urge)\s+(?:to|of)\s+(?:\w+\s+)?$/u;
// 「我才不會為了那種人去死」: these negate a whole clause, not just the next word.
const STRONG_NEGATION_ZH = /戒(?!不)(?:掉|了|除)?(?![^,.!?。，！？]{0,6}又)|(?:不會|不可能)真的|才不(?:會|要)|絕(?:對)?不(?:會|要)|永遠不會|死也不/u;
const NEGATION_EN =
  /(?:\bnot|\bnever|\bno(?! one\b)|n't|\bno longer|\bnope)\b(?:\s+(?!know\b|sure\b|why\b|think\b|stop\b|help\b|care\b|mind\b|matter\b|understand\b|remember\b|believe\b|if\b|because\b|when\b|but\b)[\w']+){0,3}\s*$/u;

const MEDIA =
  /新聞|報導|報紙|記者|電影|影集|連續劇|劇裡|部劇|台詞|紀錄片|劇本|讀書會|《[^》]{1,20}》|這本書|本書|書名|小說|漫畫|歌詞|首歌|歌曲|歌裡|唱「|唱"|主角|(?:那|這|一)首|\b(?:news|article|movie|film|tv show|series|novel|book|book club|play|song|lyrics?|episode|character|headline|documentary|podcast|tiktok|youtube|video|reel|a line from|the line from|quote from|show i'?ve been)\b|13 reasons|微博下面|留言區|評論區|\b(?:comments (?:on|under)|a famous|reddit thread)\b|播客|節目|這一?集|\b(?:podcast|episode)\b|(?:這|那|一)部[^,.!?。，！？]{0,12}(?:劇|片|電影|作品|動畫)|歷史|論文|社會學|課堂|\b(?:history of|reading about|thesis|essay|sociology|psychology class|for (?:my|a|our) (?:\w+ )?(?:class|course|paper|assignment))\b/u;
const PAST =
  /疤(?:痕)?(?:終於|已經|慢慢|都)?(?:淡|消|好)|已經過去了?|(?<![開走跑飛游爬跳衝傳滑看])過去了|以前|曾經|當年|那時候?|那段(?:時間|日子)|那陣子|\d+年前|[一二三四五六七八九十兩幾多]年前|小時候|過去(?:的|那|幾|曾)|去年|高中(?:的時候|時)|國中(?:的時候|時)|剛入行|剛開始|從前|回頭看|\d+歲(?:的)?時候|(?:19|20)\d\d年|\b(?:in|back in|of|during|until|through) (?:19|20)\d\d\b|[十二三四五六七八九]+(?:幾|多)?歲(?:的)?時候|(?:吞|割|劃)過(?!去|來)|\b(?:when i was \d+|at \d+ i|used to|years? ago|months ago|back when|back then|in the past|looking back|when i (?:first )?(?:started|began)\b|when i was (?:a |in )?(?:kid|teen|teenager|younger|young|little|child|school)|as a teen|last year|at one point|there was a time|since i last|clean (?:for|from)|(?:is|are) behind me|that'?s over now|(?<!after )\d+ (?:days|months|years) clean|\bscars? (?:are|is) (?:finally )?(?:fading|faded|healing|healed|gone)\b|years clean)\b/u;
const RECOVERY =
  /不同的人了|過得(?:挺|很|還)?好|現在(?:我)?是|簽了|滿[一兩二三四五\d]+年沒|今年(?:我)?(?:換了|開始)|\b(?:(?:a )?different person now|this year i (?:switched|started|moved|got|went)|slow and steady)\b|(?:好|幾|兩|三|\d+)個?月(?:都)?沒(?:有)?(?:那種|這種)?(?:念頭|想法)|我還在|結婚了|會轉彎|沒那麼孤單|(?:今年|現在)(?:我)?在(?:上課|念|讀|工作|上班)|\b(?:at peace|still here|doing (?:well|okay|ok|good|great)|hang in there|got married|months since)\b|現在.{0,6}(?:好多了|好很多|很好|沒事|會|有|不會|覺得)|好很多了|好起來了|很感謝|穩定|會不一樣|會變好|會好的|已經過去|過去了|走出來|走過來|撐過|熬過|(?:兩|三|幾|\d+)年沒(?:碰|割|自殘)|現在.{0,6}知道|康復|\b(?:now i'?m (?:ok|okay|fine|better|good|doing|clean|safe|happy|grateful|a |so much|much|in)|i'?m (?:so much |much )?better|doing better|clean|grateful|survived|proud|recovered|healed|made it|now it'?s|these days|saved me|in a good place|stable|today i'?m|today i am|(?:\d+|two|three|four|five|six|several) (?:years?|months?) without|found this group|it gets better|(?:got|pulled|helped) me through|i'?m now\b|現在(?:我)?在(?:念|讀|做|上班|工作)|(?:it|things) (?:does|do|did|will|can) get better|it can change|it will get better|hold on\b|(?:is|are) behind me|(?:gotten|got|gets|getting) better|now i (?!want|wanna|feel like|think about)\w+)\b/u;
const CONDITIONAL = /如果|要是|假如|萬一|有時候|常常|每次|再[^.!?。！？]{1,16}(?:我)?就|\b(?:if|what if|unless|sometimes|some nights|often|every time|whenever)\b/u;
// Said as a joke: a retraction, or laughter, anywhere in the message, unless the
// writer insists it is not a joke (「不是開玩笑」, "not joking", "I mean it").
const JOKE_RETRACTION = /開玩笑|說說而已|說笑|\bjk\b|just kidding|\bkidding\b/u;
const LAUGHTER = /哈哈|\blol\b|\blmao\b|😂|🤣|💀/u;
const NOT_A_JOKE = /(?:不是|沒(?:有)?在|沒有)(?:在)?(?:開玩笑|說笑)|不是說說|\bnot (?:a )?jok\w*|\bnot kidding\b|\bno joke\b|\bi mean it\b|\bi'?m serious\b|\bfor real\b|認真的/u;
const TRIVIAL_CAUSE =
  /天氣|熱|冷|考試|報告|作業|期末|抽卡|手遊|遊戲|塞車|排隊|好吃|好笑|丟臉|尷尬|球賽|追劇|這部劇|減肥|宿醉|經痛|殺價|折扣|😴|\d+ ?小時的班|[一二三四五六七八九十]+(?:個)?小時的班|上完[^,.!?。，！？]{0,6}班|\b(?:\d+[ -]hour shift|after (?:this|my|the|a) (?:long )?shift|discount|one more (?:guy|client|customer|person|email|call|meeting|question|text)|heat|hot|weather|exams?|tests?|homework|traffic|game|team|embarrass\w*|cringe|hangover|cramps|finals|lecture|queue|meetings?|deadlines?|mondays?|printer|presentation|team building|emails?|group chat|zoom|class|commute|wifi|lag|raid|runs? (?:late|past|over)|spreadsheet|paperwork|karaoke|dentist|feet|heels|bubble tea)\b|好喝|那首歌|夜店|駕照|考不過|手機|報稅|咖啡|\b(?:driving test|phone|screen|taxes|gacha|coffee)\b|\b(?:song|club|playlist)\b|腳(?:好)?(?:痛|痠)|高跟鞋|開會|會議|早上八點|加班|排班|禮拜天上班|週末上班/u;
const SAID_AFTER = /^[\s—–\-,，:：]*(?:that'?s what |是)?[^.!?。！？]{0,25}?(?:said|says|told|yelled|catchphrase|說|講|罵|寫|口頭禪|常說)|^\s*[—–-]+\s*[^.!?。！？\n]{1,25}/u;
const INTENT_BEFORE = /(?:想|要|打算|準備|決定|計劃|\b(?:want|wanna|going|gonna|plan|planning|ready|decided|about)\b)/u;

/** Splits normalised text into clauses. */
export function clauses(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Spans of quoted text (「」『』“” and ASCII double quotes), quote marks included. */
export function quotes(text: string): Span[] {
  return Array.from(text.matchAll(QUOTE), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The position in `spans` (sorted, disjoint) of the span that contains
 * `index`, or -1. Binary search, so very long messages stay linear overall.
 */
export function spanIndexAt(spans: readonly Span[], index: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s === undefined) break;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Who the text before a cue is about: the last subject named wins. Possessors
 * (「我媽的」, "my mom's") are skipped unless `possessorsCount` (「是我媽的口頭禪」).
 */
export function subjectOf(before: string, possessorsCount = false): 'first' | 'third' | 'unknown' {
  const objectsOut = before.replace(OBJECT_ME, '_');
  const cleaned = possessorsCount ? objectsOut : objectsOut.replace(POSSESSIVE, '_');
  let last: string | undefined;
  for (const m of cleaned.matchAll(SUBJECT)) last = m[0];
  if (last === undefined) return 'unknown';
  return FIRST_PERSON.test(last) ? 'first' : 'third';
}

/** True when a negator stands just before the cue at `index` (zh: 4 chars, en: 3 words). */
export function isNegated(text: string, clauseStart: number, index: number): boolean {
  const from = Math.max(clauseStart, index - 40);
  const before = text.slice(from, index);
  if (NEGATION_EN.test(before) || NO_PLAN_EN.test(before)) return true;
  if (STRONG_NEGATION_ZH.test(text.slice(Math.max(clauseStart, index - 20), index))) return true;
  const zhFrom = Math.max(clauseStart, index - 4);
  const zhWindow = text.slice(zhFrom, index + 2);
  const m = NEGATION_ZH.exec(zhWindow);
  return m !== null && m.index < index - zhFrom;
}

// A clause that names the present (現在, 昨天, lately) stops an earlier past marker from carrying over.
const PRESENT = /現在|最近|今天|今晚|昨天|昨晚|剛剛|剛才|這幾天|又|\b(?:now|today|tonight|yesterday|lately|recently|these days|again|this week)\b/u;
const SENTENCE_END = /[.!?。！？\n]\s*$/u;
const PAST_ALL = new RegExp(PAST.source, 'gu');
const PRESENT_ALL = new RegExp(PRESENT.source, 'gu');

function lastIndexOf(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index;
  return last;
}

/**
 * True when the cue's clause is set in the past: a past time (以前, years
 * ago…) follows the cue in its clause, or is the later of past and present
 * markers before it, or an earlier clause of the same sentence named the past
 * and no clause since has come back to the present (現在, again…).
 */
export function isPast(text: string, spans: readonly Span[], clauseIndex: number, clauseUpToCue: string, clauseAfterCue: string): boolean {
  if (PAST.test(clauseAfterCue)) return true;
  const past = lastIndexOf(PAST_ALL, clauseUpToCue);
  const present = lastIndexOf(PRESENT_ALL, clauseUpToCue);
  if (past >= 0 || present >= 0) return past > present;
  for (let i = clauseIndex - 1; i >= 0; i--) {
    const prev = spans[i];
    const next = spans[i + 1];
    if (prev === undefined || next === undefined) break;
    if (SENTENCE_END.test(text.slice(prev.end, next.start))) break;
    const prevText = text.slice(prev.start, prev.end);
    if (PAST.test(prevText)) return true;
    if (PRESENT.test(prevText)) return false;
  }
  return false;
}

/** True when the message says things are better now. */
export function mentionsRecovery(text: string): boolean {
  return RECOVERY.test(text);
}

/** True when the text names news, film, song or fiction. */
export function mentionsMedia(text: string): boolean {
  return MEDIA.test(text);
}

/** True when the text names the writer. */
export function mentionsFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(text);
}

/** True when text names a trivial cause (heat, exams, games) that makes 想死 / "want to die" a figure of speech. */
export function mentionsTrivialCause(text: string): boolean {
  return TRIVIAL_CAUSE.test(text);
}

/**
 * How the message marks itself as a joke: `retracted` (開玩笑的, jk), `laughing`
 * (哈哈, lol), or `none` — also when the writer insists it is no joke. Only a
 * retraction takes a death wish back: people in pain laugh too.
 */
export function jokeMarker(text: string): 'retracted' | 'laughing' | 'none' {
  if (NOT_A_JOKE.test(text)) return 'none';
  if (JOKE_RETRACTION.test(text)) return 'retracted';
  return LAUGHTER.test(text) ? 'laughing' : 'none';
}

/** True when the words right after a quote say someone said it: 「…」他說, "…" that's what he said. */
export function saidAfter(after: string): boolean {
  const m = SAID_AFTER.exec(after);
  return m !== null && subjectOf(m[0], true) === 'third';
}

const ADVICE = /(?:如果|要是|假如).{0,12}(?:你|妳|就打|打給|撥|找)|\bif (?:you|u)\b|\b(?:call|reach out|text) (?:1925|1995|the|a|someone|us)\b/u;

/** True for advice to a reader: 「如果撐不住就打1925」, "if you're struggling, call…". */
export function isAdvice(clause: string): boolean {
  return ADVICE.test(clause);
}

/** True for a conditional or habitual clause (如果, 有時候, if, sometimes). */
export function isConditional(clause: string): boolean {
  return CONDITIONAL.test(clause);
}

/** True when an intent verb (想, 要, want, going to…) stands shortly before the cue. */
export function hasIntentBefore(text: string, clauseStart: number, index: number): boolean {
  return INTENT_BEFORE.test(text.slice(Math.max(clauseStart, index - 24), index));
}

/** Speech verbs at the end of a clause hand its subject to the next clause. */
export const SPEECH_END = /(?:說|講|表示|寫|傳|問)$|\b(?:said|says|told me|texted|wrote|posted)\s*$/u;
