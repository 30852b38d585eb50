import type { Cue, CueKind } from './cue.js';
import {
  SPEECH_END,
  clauses,
  hasIntentBefore,
  isAdvice,
  isConditional,
  isNegated,
  isPast,
  mentionsFirstPerson,
  mentionsMedia,
  mentionsRecovery,
  jokeMarker,
  mentionsTrivialCause,
  saidAfter,
  quotes,
  spanIndexAt,
  subjectOf,
} from './context.js';
import type { Span } from './context.js';
import { EN_CUES, EN_MASKS } from './lexicon-en.js';
import { MEANS_CUES, MEANS_MASKS } from './lexicon-means.js';
import { ZH_CUES, ZH_MASKS } from './lexicon-zh.js';
import { crisisLogOdds } from './model.js';
import { detectLang, normalizeText } from './normalize.js';
import { REASON_MODIFIERS } from './reasons.js';
import type { ReasonModifier } from './reasons.js';
import type { Detection, DetectorLang, RiskTier } from './types.js';

const CUES: readonly Cue[] = [...ZH_CUES, ...EN_CUES, ...MEANS_CUES];

/** Every cue id the lexicons can report, in lexicon order (see {@link REASON_MODIFIERS} for the rest). */
export const CUE_IDS: readonly string[] = [...new Set(CUES.map((c) => c.id))];

/** Reason id added when the backoff model, not a rule, raised the message to high. */
export const MODEL_REASON = 'model:crisis';
/**
 * Log odds above which the backoff model raises a message the rules left
 * below high, per language. Chosen by 5-fold cross-validation on devset.jsonl
 * (the highest recall for at most about half a point more ordinary text
 * raised), never on a held-out batch. English scores run larger because the
 * model reads more English features per message.
 */
const MODEL_THRESHOLD: Readonly<Record<DetectorLang, number>> = { en: 18, zh: 15 };
// ...and never where the rules already explained the death words away.
const MODEL_BLOCKERS: ReadonlySet<ReasonModifier> = new Set<ReasonModifier>([
  REASON_MODIFIERS.negated, REASON_MODIFIERS.thirdPerson, REASON_MODIFIERS.news, REASON_MODIFIERS.quote, REASON_MODIFIERS.idiom, REASON_MODIFIERS.past,
]);
const MASKS: readonly RegExp[] = [...ZH_MASKS, ...EN_MASKS, ...MEANS_MASKS];

/** Kinds a negator can cancel; means and times are facts, not statements. */
const NEGATABLE: ReadonlySet<CueKind> = new Set<CueKind>([
  'hopeless', 'leaving', 'ideation', 'self-harm', 'method', 'decided', 'do-it', 'farewell', 'farewell-weak', 'preparation', 'research', 'attempt', 'injury', 'relapse',
]);
/** Kinds that on their own say something about the writer's state. */
const STATE_KINDS: ReadonlySet<CueKind> = new Set<CueKind>([
  'hopeless', 'leaving', 'ideation', 'self-harm', 'method', 'farewell', 'farewell-weak', 'preparation', 'research', 'attempt', 'location',
]);
/** Kinds that only ever sharpen other cues. */
const MODIFIER_KINDS: ReadonlySet<CueKind> = new Set<CueKind>(['means', 'quantity', 'prepared', 'timeframe', 'now', 'decided', 'do-it', 'injury', 'sorry', 'take', 'persistent']);
/** Kinds a conditional clause (如果, if) takes the force out of. */
const CONDITIONAL_KINDS: ReadonlySet<CueKind> = new Set<CueKind>(['timeframe', 'now', 'decided', 'do-it', 'location', 'leaving']);
/** Kinds a trivial cause can turn into hyperbole: 「被罵到想死」, "I'll jump off a bridge if they make me do team building". */
const HYPERBOLE_KINDS: ReadonlySet<CueKind> = new Set<CueKind>(['ideation', 'method']);
// 「把衣服都送人，搬家太麻煩」, "giving my books away, moving next month": decluttering is not a farewell.
// 「新大樓不能養寵物，把貓送去我媽那裡」: a pet rehomed for a move, not a farewell.
const PET_REHOMED = /不能養寵物|新(?:大樓|家|房子)|\b(?:doesn'?t|don'?t) allow pets\b|\bnew (?:building|place|apartment)\b/u;
const DECLUTTER = /搬家|斷捨離|有人要|二手|回收|整理房間|\b(?:moving|declutter\w*|anyone want|free to a good home|garage sale|donat\w*|thrift|marie kondo)\b/u;

const MAX_HITS_PER_CUE = 8;
/** Characters from which a message counts as a post where despair can add up. */
const LONG_POST = 80;
// 「他威脅說要自殺」: a threat reported by the writer is someone else's.
const THREAT_BEFORE = /威脅(?:說|著)?(?:要|會)?$|\bthreaten(?:s|ed|ing)? to $/u;
const WRITER_THREATENS = /我威脅|\bi threaten/u;
// 「好怕我會再試一次」, "I'm scared I'll try again": fear of acting is not a plan to act.
const FEAR_BEFORE = /怕|擔心|\b(?:scared|afraid|worried|terrified)\b/u;
// 「永別了慣老闆🥳」, "goodbye forever toxic boss 🥳": a celebrated goodbye is to a job, not to life.
const CELEBRATION = /🥳|最後一個[^,.!?。，！？]{0,4}(?:夜班|班)|\bmy last \w+ (?:working|at (?:this|the) (?:job|shop|club))\b|🎉|🎊|🍾|\b(?:finally free|quit|resign\w*|gave my notice|new chapter|new job|last day at (?:this|the|my) (?:shop|job|store|place|work|office|salon))\b|離職|辭職|新的開始|新工作|(?:在)?這家店(?:的)?最後一天/u;
// 「撐不下去了啦腳好痛」, "can't do this anymore lol my feet hurt": worn-out talk about a small thing.
const WEAK_HOPELESS = /^(?:i )?(?:can'?t|cannot) (?:do|take) (?:this|it) anymore$|^i can'?t anymore$|^撐不(?:下去|住)$|^i'?m (?:so |just )?done\.?$/u;
// "doing my taxes makes me want to die", 「抽卡機率要害我去跳樓」: a thing blamed for the wish is hyperbole,
// unless what is blamed is life itself, the pain, or a person.
const CAUSATIVE = /\b(?:makes?|making|made|(?:going to|gonna|will|would) make) me(?: want to| wanna)?\s*$|(?:害|逼|讓)我(?:去|想|要)?$|(?:到|(?<![覺記懂值曉使捨顯變免獲取])得)我(?:想|要|快)?$/u;
// …or the blaming sits inside the cue itself: "going to make me jump off a building".
const CAUSATIVE_IN = /\bmakes? me\b|害我|到我想/u;
const SERIOUS_CAUSE = /\b(?:life|living|everything|it all|pain|depression|my (?:life|brain|head|mind|thoughts|illness)|being alive|existing|he|she|they|him|her|this world|the world|voices?)\b|人生|生活|活著|一切|這個世界|憂鬱|痛苦|他|她|家人|爸|媽|聲音|腦袋/u;
const NO_RETURN = /\b(?:not|never|won'?t be) coming back\b|不會(?:再)?回來|(?:這次|這一次)[^,.!?。，！？\n]{0,6}不(?:打算|會)(?:再)?回/u;
const BARBECUE = /烤肉|燒烤|露營|烤串|\b(?:bbq|barbecue|grill(?:ing)?|camping)\b/u;
// 「跟老闆說是要烤肉，其實沒有要烤肉」: a barbecue named as a cover story is no barbecue.
const BARBECUE_COVER = /(?:說|騙|假裝)(?:是)?(?:要)?(?:烤肉|燒烤)|(?:沒有|不是)要(?:烤肉|燒烤)|\bthere'?s no (?:bbq|barbecue)\b|\b(?:told|said|pretend\w*)\b[^.!?\n]{0,30}\b(?:bbq|barbecue)\b/u;
// 「在頂樓抽菸」, "smoking on the rooftop": a place named for an everyday reason.
const LEISURE = /抽菸|生日趴|派對|(?<!沒有?)(?:辦|開)(?:個)?(?:趴|聚會)|抽煙|夜景|啤酒|煙火|看星星|可頌|咖啡|野餐|吃東西|\b(?:fireworks|beer|stars)\b|曬衣服|乘涼|吹風|聊天|拍照|喝酒|吃飯|散步|酒吧|烤肉|\b(?:smok\w*|watching|hanging out|drinks?|party|bar|photos?|picnic|view|sunset|(?:for|a) walk|walking (?:the dog|around|home)|lunch|dinner)\b/u;
// 「沒有我會比較好」, "better off without me": a cue that itself names the writer is about the writer.
const NAMES_WRITER = /(?<!被|讓|給|跟|叫|對|幫)我|\b(?:me|myself|i|my)\b/u;
// 「想死的人」「想自殺的朋友」: a cue followed by 的 and a person is a description of others.
const DESCRIBES_OTHERS = /^(?:的|之)(?:人|朋友|姊妹|姐妹|個案|網友|孩子|學生|成員|同學|族群|青少年|人們)/u;
// 「我不會傷害自己」, "I'm not going to do anything, I just…": a depression post that says the writer will not act.
const DENIES_INTENT =
  /(?:不會|不想|沒有要|沒有想|不是(?:真的)?想)(?:去)?(?:傷害自己|做什麼|做傻事|死|自殺)|(?:不是|沒有)(?:真的)?想死|沒有危險|\b(?:not|never) (?:going to|gonna) (?:hurt myself|do anything)\b|\bi (?:don'?t|do not) (?:really )?want to die\b|\bnot suicidal\b|\bno (?:plan|intention) to\b|\bnot in danger\b/u;
const NOTHING_WILL_HAPPEN = /今晚(?:我)?(?:會)?(?:是)?安全(?:的)?|不會(?:去)?做(?:什麼|任何事|傻事)|\b(?:i'?m|i am|i'?ll be|i will be) safe (?:for )?(?:tonight|today|now|for now)\b|\b(?:not|n't) (?:going to|gonna) do anything\b|\bwon'?t do anything\b/u;
const HYPOTHETICAL = /(?:如果|要是|假如)(?!有人(?:看到|讀到|發現)這)|萬一|哪天|有一天|\b(?:if(?! (?:anyone|you|u|somebody|someone)(?:'re| are)? (?:reads?|reading|finds?|sees?) this)|what if|in case|one day|someday)\b/u;
const SPEECH_START = /^(?:一直|總是|常常|又|也|都|還)?(?:說|講)|^\s*(?:always |keeps? |kept )?(?:said|says|saying|tells|told)\b/u;
// Buying pills is ordinary; holding, hoarding or counting them out is not.
const STOCKPILE = /存|囤|藏|枕頭|under my pillow|hid|hidden|準備|夠|在手上|在我面前|旁邊|手邊|next to me|beside me|倒出來|倒在|拿出來|數好|poured|saved|saving|stockpil|collect|set out|排好|收集|ready|prepared|enough|in my hand|in front of me|i have|i'?ve got|got enough|counted|laid out|lined up/u;

const INTENT_IN = /^(?:想|要|want|wanna|going|gonna|ready|about)/u;
// "see you tomorrow", 「明天見」: a goodbye for the night, not a farewell.
const SEE_YOU = /明天見|彩虹橋|小天使|搬回|\b(?:rainbow bridge|moving (?:back )?to)\b|每個?週末都會去看|不能養寵物|\b(?:doesn'?t|don'?t) allow pets\b|\bvisit every\b|晚點見|下一站|下次見|改天見|下線|睡覺了|先睡|大家晚安|(?:姊妹們|姐妹們|各位|你們)晚安|\b(?:heading out|sleep well)\b|回(?:台南|台中|台北|高雄|花蓮|屏東|宜蘭|南部|北部|中部|娘家)|誰可以|\b(?:can (?:anyone|someone|somebody)|pet ?sitter)\b|回老家|出差|出國|旅行|去玩|幾天|\b(?:going home|trip|vacation|holiday|travel\w*|visiting)\b|\b(?:see (?:you|u|y'?all)|logging off|brb|good ?night|gn|gotta go|ttyl|talk later|going to (?:bed|sleep)|off to (?:bed|sleep|work))\b/u;

// 想死 / "want to die" next to a trivial cause (heat, exams, a game) is a figure of speech.
const WEAK_IDEATION = /^(?:end my suffering|(?:只|好|真的)?想(?:要)?(?:去)?死|去死|(?:want(?:ing)?|wanna|going|gonna) to (?:\w+ )?die|wanna (?:\w+ )?die|kms)$/u;
// 「開玩笑的」, "jk": a retraction also takes back a plain 'kill myself'.
const RETRACTABLE_IDEATION = /^(?:想(?:要)?(?:去)?死|去死|(?:want|wanna|going|gonna) to (?:\w+ )?die|wanna (?:\w+ )?die|kms|kill myself|i'?ll kill myself)$/u;
/** Cue kinds that, when present, mean a trivial cause does not explain the message away. */
const SERIOUS_KINDS: ReadonlySet<CueKind> = new Set<CueKind>([
  'hopeless', 'leaving', 'self-harm', 'method', 'quantity', 'location', 'farewell', 'farewell-weak', 'preparation', 'research', 'attempt', 'injury',
]);

type Hit = Readonly<{ id: string; kind: CueKind; text: string; intent: boolean; trivial: boolean }>;

type Scan = {
  readonly hits: Hit[];
  readonly modifiers: Set<ReasonModifier>;
  pastState: boolean;
};

function blank(match: string): string {
  return '_'.repeat(match.length);
}

function maskIdioms(text: string, modifiers: Set<ReasonModifier>): string {
  let out = text;
  for (const re of MASKS) {
    out = out.replace(re, (m) => {
      modifiers.add(REASON_MODIFIERS.idiom);
      return blank(m);
    });
  }
  return out;
}

function whoSpeaks(text: string, spans: readonly Span[], i: number, index: number): 'first' | 'third' | 'unknown' {
  const clause = spans[i];
  // 「等室友搬走就做」: whoever the writer waits for is not who acts.
  const before = text.slice(Math.max(clause?.start ?? index, index - 80), index).replace(WAIT_FOR, '');
  const own = subjectOf(before);
  if (own !== 'unknown') return own;
  const prev = i > 0 ? spans[i - 1] : undefined;
  if (prev === undefined) return 'unknown';
  // A speech verb hands its subject on within a sentence, not across a full stop.
  if (/[.!?。！？]/u.test(text.slice(prev.end, clause?.start ?? index))) return 'unknown';
  const prevText = text.slice(prev.start, prev.end);
  if (SPEECH_START.test(before) || SPEECH_END.test(prevText)) return subjectOf(prevText);
  return 'unknown';
}

function subjectFor(text: string, spans: readonly Span[], ci: number, index: number, cue: string): 'first' | 'third' | 'unknown' {
  if (NAMES_WRITER.test(cue)) return 'first';
  const before = text.slice(Math.max(spans[ci]?.start ?? index, index - 12), index);
  if (THREAT_BEFORE.test(before) && !WRITER_THREATENS.test(before)) return 'third';
  return whoSpeaks(text, spans, ci, index);
}

const WAIT_FOR = /等(?:到)?[^,.!?。，！？]{0,10}(?:搬走|出門|睡著|睡了|不在|離開|走了|上班|回家)(?:以後|之後)?/gu;

const SENTENCE_BREAK = /[.!?。！？\n]/u;

/** The sentence around a cue, at most 100 characters either side. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 100 && !SENTENCE_BREAK.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < 100 && !SENTENCE_BREAK.test(text.charAt(to))) to++;
  return text.slice(from, to);
}

/** True when the words before a cue blame a thing for it ("my taxes make me…"), not life, pain or a person. */
function blamesAThing(before: string, cueText: string): boolean {
  return (CAUSATIVE.test(before) || CAUSATIVE_IN.test(cueText)) && !SERIOUS_CAUSE.test(before);
}

function scan(text: string, modifiers: Set<ReasonModifier>): Scan {
  const spans = clauses(text);
  const quoted = quotes(text);
  const media = mentionsMedia(text);
  const recovery = mentionsRecovery(text);
  const barbecue = BARBECUE.test(text) && !BARBECUE_COVER.test(text);
  const seeYou = SEE_YOU.test(text) && !NO_RETURN.test(text);
  const declutter = DECLUTTER.test(text) || PET_REHOMED.test(text);
  const celebration = CELEBRATION.test(text);
  const joke = jokeMarker(text);
  const result: Scan = { hits: [], modifiers, pastState: false };
  for (const c of CUES) {
    let counted = 0;
    for (const m of text.matchAll(c.re)) {
      // More repeats of a cue the writer already said cannot change the answer.
      if (counted >= MAX_HITS_PER_CUE) break;
      const index = m.index;
      if (barbecue && c.id === 'means:charcoal') continue;
      if (seeYou && (c.kind === 'farewell-weak' || c.kind === 'leaving')) continue;
      // In a long post, moving house three sentences earlier does not explain away letters to those left behind.
      if (declutter && c.kind === 'preparation' && (text.length < LONG_POST || DECLUTTER.test(sentenceAround(text, index, index + m[0].length)) || PET_REHOMED.test(sentenceAround(text, index, index + m[0].length)))) continue;
      if (celebration && (c.kind === 'farewell-weak' || c.id === 'plan:farewell')) continue;
      const ci = spanIndexAt(spans, index);
      const clause = spans[ci] ?? { start: index, end: index + m[0].length };
      // Context is read near the cue: a clause without punctuation can be huge.
      const clauseText = text.slice(Math.max(clause.start, index - 160), Math.min(clause.end, index + 160));
      const quote = quoted[spanIndexAt(quoted, index)];
      if (quote !== undefined) {
        const speakerClause = spans[spanIndexAt(spans, quote.start - 1)];
        const speaker = text.slice(speakerClause?.start ?? quote.start, quote.start);
        const speakerSubject = subjectOf(speaker);
        const after = text.slice(quote.end, quote.end + 60);
        if (speakerSubject === 'third' || (media && speakerSubject !== 'first') || saidAfter(after) || mentionsMedia(after)) {
          modifiers.add(REASON_MODIFIERS.quote);
          continue;
        }
      }
      const subject = subjectFor(text, spans, ci, index, m[0]);
      if (media && subject !== 'first' && !mentionsFirstPerson(clauseText)) {
        modifiers.add(REASON_MODIFIERS.news);
        continue;
      }
      // 「陪伴說想死的人」, 「想自殺的朋友」: the cue describes other people, not the writer.
      if (subject === 'third' || (!NAMES_WRITER.test(m[0]) && DESCRIBES_OTHERS.test(text.slice(index + m[0].length, index + m[0].length + 6)))) {
        modifiers.add(REASON_MODIFIERS.thirdPerson);
        continue;
      }
      if (NEGATABLE.has(c.kind) && isNegated(text, clause.start, index)) {
        modifiers.add(REASON_MODIFIERS.negated);
        continue;
      }
      const cueEnd = index + m[0].length;
      const upToCue = text.slice(Math.max(clause.start, index - 160), cueEnd);
      const afterCue = text.slice(cueEnd, Math.min(clause.end, cueEnd + 160));
      if (isPast(text, spans, ci, upToCue, afterCue)) {
        modifiers.add(REASON_MODIFIERS.past);
        if (STATE_KINDS.has(c.kind) && !recovery) result.pastState = true;
        continue;
      }
      if (c.kind === 'location' && LEISURE.test(clauseText)) continue;
      // "I'm not going to do anything tonight", 「今晚不會做什麼」: a time named to say nothing will happen.
      if (c.kind === 'timeframe' && NOTHING_WILL_HAPPEN.test(sentenceAround(text, index, index + m[0].length))) continue;
      if ((c.kind === 'hopeless' || c.kind === 'leaving') && isAdvice(clauseText) && !mentionsFirstPerson(clauseText)) {
        modifiers.add(REASON_MODIFIERS.conditional);
        continue;
      }
      // 「常常想怎麼樣才能去」: thought given to how stays a plan even when it comes often.
      if (CONDITIONAL_KINDS.has(c.kind) && c.id !== 'plan:how' && isConditional(clauseText)) {
        modifiers.add(REASON_MODIFIERS.conditional);
        continue;
      }
      // 「如果有一天我不見了，不要找我」: a goodbye for a day that may come is not a goodbye now.
      if (c.kind === 'farewell-weak' && HYPOTHETICAL.test(sentenceAround(text, index, index + m[0].length))) {
        modifiers.add(REASON_MODIFIERS.conditional);
        continue;
      }
      if (c.kind === 'do-it' && FEAR_BEFORE.test(text.slice(Math.max(clause.start, index - 16), index))) continue;
      const intent = c.kind === 'method' && (hasIntentBefore(text, clause.start, index) || INTENT_IN.test(m[0]));
      const sentence = sentenceAround(text, index, index + m[0].length);
      if (c.kind === 'hopeless' && WEAK_HOPELESS.test(m[0]) && (mentionsTrivialCause(sentence) || joke === 'laughing')) {
        modifiers.add(REASON_MODIFIERS.idiom);
        continue;
      }
      const trivial =
        (c.kind === 'ideation' &&
          ((joke === 'retracted' && RETRACTABLE_IDEATION.test(m[0])) || (WEAK_IDEATION.test(m[0]) && mentionsTrivialCause(sentence)))) ||
        (HYPERBOLE_KINDS.has(c.kind) && isConditional(sentence) && mentionsTrivialCause(sentence)) ||
        // "this exam is going to end me, might as well jump off a building (kidding)"
        (HYPERBOLE_KINDS.has(c.kind) && joke === 'retracted' && mentionsTrivialCause(text)) ||
        (HYPERBOLE_KINDS.has(c.kind) && blamesAThing(text.slice(Math.max(clause.start, index - 40), index), m[0]));
      result.hits.push({ id: c.id, kind: c.kind, text: m[0], intent, trivial });
      counted++;
    }
  }
  return result;
}

function decide(hits: readonly Hit[], pastState: boolean, long: boolean, deniesIntent: boolean): RiskTier {
  const kinds = new Set(hits.map((h) => h.kind));
  const has = (k: CueKind): boolean => kinds.has(k);
  const ids = new Set(hits.map((h) => h.id));
  const intent = has('ideation') || has('self-harm');
  const methodIntent = hits.some((h) => h.kind === 'method' && h.intent);
  const strongMeans = ids.has('means:charcoal') || ids.has('means:rope') || ids.has('means:poison') || ids.has('means:firearm');
  const pills = ids.has('means:pills') || has('quantity');
  const stockpile = hits.some((h) => h.kind === 'prepared' && STOCKPILE.test(h.text));
  const anyMeans = has('means') || has('quantity');
  const when = has('timeframe') || has('now');
  const plan = has('decided') || has('do-it') || has('prepared');
  const farewells = new Set(hits.filter((h) => h.kind === 'farewell-weak').map((h) => h.text)).size;
  const despair = new Set(hits.filter((h) => (h.kind === 'hopeless' && h.id !== 'low-mood') || h.kind === 'leaving').map((h) => h.text)).size;

  const imminent =
    has('attempt') ||
    has('farewell') ||
    has('research') ||
    (has('injury') && (has('self-harm') || has('method'))) ||
    (has('method') && (methodIntent || has('ideation') || when || plan || anyMeans || has('location') || has('farewell-weak'))) ||
    (has('ideation') && (anyMeans || has('timeframe') || plan || has('location'))) ||
    (strongMeans && plan) ||
    (pills && (stockpile || has('decided') || has('do-it'))) ||
    (ids.has('means:blade') && (has('decided') || has('do-it') || (has('prepared') && intent))) ||
    (has('location') && (when || anyMeans || has('do-it') || has('farewell-weak') || has('decided'))) ||
    (has('do-it') && has('timeframe') && (intent || anyMeans || has('hopeless') || has('farewell-weak') || has('leaving') || has('decided') || has('prepared'))) ||
    (has('farewell-weak') && (intent || has('hopeless') || anyMeans || has('timeframe') || has('sorry'))) ||
    (has('preparation') && (intent || has('hopeless') || anyMeans || when || has('sorry') || has('leaving') || has('farewell-weak'))) ||
    (pills && (stockpile || has('quantity')) && has('take')) ||
    // "bought a knife, it's under my pillow, waiting for my roommate to go out"
    (anyMeans && stockpile && ids.has('plan:alone')) ||
    // 「對不起大家…等一下就全部吞下去」, "I'm sorry… I'm going to take them in a few minutes"
    (has('take') && when && (has('hopeless') || has('sorry') || has('farewell-weak'))) ||
    (has('hopeless') && (pills || strongMeans) && (stockpile || has('prepared')) && when) ||
    (farewells >= 2 && (when || has('leaving') || has('hopeless'))) ||
    (has('leaving') && has('timeframe')) ||
    (has('location') && has('sorry')) ||
    // a poison, charcoal, a rope or a gun at hand with a goodbye or no return (「除草劑…這次回去就不打算回來了」)
    (strongMeans && (has('leaving') || has('farewell-weak') || has('preparation'))) ||
    // handing over passwords or a pet with a goodbye: 「貓拜託你們照顧…手機密碼是我生日」
    (ids.has('preparation:handover') && has('farewell-weak')) ||
    // pills counted out and laid in a row: 「一顆一顆排在桌上，剛好三十顆」, "lined up 40 of them"
    (pills && has('quantity') && ids.has('prepared:laid-out'));
  if (imminent) return 'imminent';
  if (intent || has('method') || has('preparation') || (has('location') && has('hopeless')) || (has('relapse') && pastState)) return 'high';
  // Finality ("I won't be around much longer", 準備好離開) with despair or a decision reads as intent.
  if (has('leaving') && (has('hopeless') || has('decided') || has('prepared') || has('do-it'))) return 'high';
  if (has('do-it') && has('hopeless')) return 'high';
  // A wish to be gone with thought given to how ("…and I've been thinking about how to make that happen") is no longer passive.
  if ((ids.has('passive-wish') || ids.has('burden')) && (ids.has('plan:how') || has('do-it'))) return 'high';
  // …or that will not leave the writer alone (「這個想法再也趕不走了」, "I think about it on the bus, at work, in the shower").
  if (ids.has('passive-wish') && has('persistent')) return 'high';
  if (farewells >= 2 || (has('farewell-weak') && has('leaving'))) return 'high';
  // Several different ways of saying life is not worth living, one of them a wish to be gone or a burden,
  // across a longer post that does not itself say the writer will not act, read as more than low mood.
  if (long && despair >= 3 && (ids.has('passive-wish') || ids.has('burden')) && !deniesIntent) return 'high';
  if ((anyMeans && stockpile) || (has('decided') && has('do-it'))) return 'high';
  if (has('hopeless') && (pills || strongMeans) && has('prepared')) return 'high';
  if (has('hopeless') || has('leaving') || has('location') || has('farewell-weak') || pastState) return 'concern';
  return 'none';
}

const KIND_ORDER: readonly CueKind[] = [
  'attempt', 'injury', 'farewell', 'research', 'preparation', 'method', 'ideation', 'self-harm', 'relapse', 'location', 'means', 'quantity',
  'prepared', 'decided', 'timeframe', 'now', 'take', 'sorry', 'persistent', 'farewell-weak', 'leaving', 'hopeless',
];

function reasonsFor(tier: RiskTier, hits: readonly Hit[], modifiers: ReadonlySet<ReasonModifier>): string[] {
  const out: string[] = [];
  const ordered = [...hits].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const h of ordered) {
    if (tier === 'none') break;
    if (MODIFIER_KINDS.has(h.kind) && tier !== 'imminent') continue;
    if (!out.includes(h.id)) out.push(h.id);
  }
  for (const m of Object.values(REASON_MODIFIERS)) if (modifiers.has(m)) out.push(m);
  return out;
}

/**
 * Reads one message, in zh-TW, Simplified Chinese, English or a mix, and
 * says how urgent it sounds for the writer, with the cues behind the answer.
 *
 * A pure function: it never blocks, stores or reports anything. Both
 * lexicons run on every message, so `lang` is only a hint and may be left
 * out. Method, means, plans and timing weigh more than sad words; cues that
 * are negated, idioms (笑死, "killing me"), about someone else, from the
 * news or fiction, quoted from others, or in the past are set aside and
 * named in `reasons` (see {@link REASON_MODIFIERS}).
 */
export function detectCrisis(text: string, lang?: DetectorLang): Detection {
  const modifiers = new Set<ReasonModifier>();
  const masked = maskIdioms(normalizeText(text), modifiers);
  const scanned = scan(masked, modifiers);
  let hits = scanned.hits;
  const loose = hits.filter((h) => HYPERBOLE_KINDS.has(h.kind));
  if (loose.length > 0 && loose.every((h) => h.trivial) && !hits.some((h) => SERIOUS_KINDS.has(h.kind) && !HYPERBOLE_KINDS.has(h.kind))) {
    hits = hits.filter((h) => !HYPERBOLE_KINDS.has(h.kind));
    modifiers.add(REASON_MODIFIERS.idiom);
  }
  const tier = decide(hits, scanned.pastState, masked.length >= LONG_POST, DENIES_INTENT.test(masked));
  const reasons = reasonsFor(tier, hits, modifiers);
  const modelMaySpeak =
    (tier === 'none' || tier === 'concern') &&
    !(BARBECUE.test(masked) && !BARBECUE_COVER.test(masked)) &&
    // 「整理房間，東西都送人了」: the rules read giving things away as decluttering; the model may not overrule them.
    !DECLUTTER.test(masked) &&
    ![...modifiers].some((m) => MODEL_BLOCKERS.has(m));
  if (modelMaySpeak && crisisLogOdds(text) > MODEL_THRESHOLD[lang ?? detectLang(text)]) return { tier: 'high', reasons: [MODEL_REASON, ...reasons] };
  return { tier, reasons };
}
