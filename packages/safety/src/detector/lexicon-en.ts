import { cue, mask } from './cue.js';
import type { Cue } from './cue.js';

/*
 * English lexicon, written against normalised text (lower case, straight
 * apostrophes). Word boundaries use ASCII \b, which is what English needs.
 */

const MEDS =
  '(?:pills?|tablets?|meds|medication|sleeping pills?|zolpidem|ambien|stilnox|xanax|trazodone|panadol|tylenol|paracetamol|acetaminophen|ibuprofen|benadryl|seroquel|lithium|oxy|painkillers?)';
const LAUGH = '(?:lol|lmao|lmfao|haha\\w*|😂|🤣|💀|jk|xd)';

/** Idioms and neutral terms blanked out before cues are matched. */
export const EN_MASKS: readonly RegExp[] = [
  mask(`\\b(?:kms|kys)\\b[ ,.!]*${LAUGH}`),
  mask(`\\bembarrass\\w*[^.!?\\n]{0,40}\\b(?:want to|wanna|could|gonna) die\\b|\\b(?:want to|wanna|could) die\\b[^.!?\\n]{0,12}\\bembarrass\\w*`),
  mask(`\\bsuicid(?:e|al) (?:prevention|hotline|helpline|line|awareness|squad|mission|rate|training|watch|risk assessment)\\b`),
  mask(`\\b(?:jump(?:ing)? rope|ropes? course|rope play|rope lights?|learn(?:ing)? the ropes|shibari rope|skipping rope)\\b`),
  mask(`\\bfarewell (?:party|dinner|drinks|lunch|gift|card|tour)\\b`),
  mask(`\\bdying (?:to|for|of laughter|laughing)\\b|\\bto die for\\b|\\b(?:bored|scared|worried|tired) to death\\b`),
];

/** English cues. */
export const EN_CUES: readonly Cue[] = [
  // concern: hopelessness, burden, passive wish to be dead
  cue('hopeless', 'hopeless', "\\btired of (?:living|being alive|existing|life|everything)\\b|\\bso tired of existing\\b|\\bwhat'?s (?:even )?the point\\b|\\bno point (?:in (?:living|trying|anything)|anymore|of me)\\b|\\bdon'?t see the point\\b|\\b(?:can'?t|cannot) (?:see|imagine) (?:a|any) future\\b|\\bno future\\b|\\bhopeless\\b|\\bno hope\\b|\\b(?:can'?t|cannot) (?:do|take) (?:this|it) anymore\\b|\\b(?:can'?t|cannot) go on\\b|\\b(?:can'?t|cannot) keep (?:going|carrying)\\b|\\bhow much longer i can\\b|\\bnothing (?:to live for|left for me|matters anymore)\\b|\\bno reason to (?:live|keep going|go on)\\b|\\bworthless\\b|\\bwaste of space\\b|\\bdead inside\\b|\\bwaiting to die\\b|\\bthinking about death\\b|\\bdone fighting\\b|\\bgiv(?:e|ing) up on (?:everything|life)\\b|\\bno way (?:out|forward)\\b|\\bdon'?t see a way forward\\b|\\blife (?:isn'?t|is not) worth\\b|\\b(?:my )?life is (?:pointless|meaningless)\\b|\\blife feels meaningless\\b|\\bpointless\\b|\\bhate being alive\\b|\\b(?:don'?t see |no idea )?why i'?m still here\\b|\\bit'?ll never get better\\b|\\bi'?m (?:garbage|trash|worthless)\\b|\\b(?:don'?t think i'?ll|won'?t|not going to) make it through\\b|\\bliving feels so heavy\\b|\\bwant it all to stop\\b"),
  cue('passive-wish', 'hopeless', "\\bdisappointed (?:i woke up|i'?m still (?:alive|here))\\b|\\bif i (?:was|were|'m) gone\\b|\\b(?:never|not|don'?t want to|don'?t) wake up\\b|\\bdidn'?t wake up\\b|\\bsleep forever\\b|\\bfall asleep forever\\b|\\b(?:want|wish|like) (?:i could |to )?(?:just )?(?:disappear|vanish)\\b|\\bwish i (?:could|can) (?:just )?(?:disappear|vanish)\\b|\\bwish i (?:had )?(?:never been|was never|wasn'?t) (?:born|here)\\b|\\b(?:rather|easier if i|wish i could|wish i could just) (?:not|didn'?t) exist\\b|\\bstop existing\\b|\\bnot being here anymore\\b|\\b(?:wouldn'?t|would not) (?:mind|care) if i (?:died|didn'?t wake up|was gone|just didn'?t)\\b|\\bif a car hit me\\b|\\bif i (?:was|were|died|wasn'?t here)\\b[^.!?\\n]{0,40}\\b(?:easier|notice|come|relieved|better|miss)\\b|\\bcares if i live or die\\b|\\bwould anyone (?:even )?miss me\\b"),
  cue('burden', 'hopeless', "\\b(?:a|such a) burden\\b|\\bbetter off without me\\b|\\bbetter without me\\b|\\bnobody would (?:even )?notice\\b"),
  cue('leaving', 'leaving', "\\bi'?ll be gone\\b|\\bwon'?t be (?:here|around)\\b|\\bi won'?t be here\\b"),
  // high: active ideation
  cue('ideation:active', 'ideation', "\\bkill(?:ing)? myself\\b|\\bkms\\b|\\bunalive myself\\b|\\bend(?:ing)? (?:my (?:own )?life|it all|everything|things)\\b|\\b(?:wanna|want to|going to|gonna|about|thinking (?:about|of)|of) end(?:ing)? it\\b(?! with)|\\bthoughts about ending my life\\b|\\btak(?:e|ing) my (?:own )?life\\b|\\bsuicidal\\b|\\bsuicide (?:feels|seems|sounds|is the only|note)\\b|\\b(?:about|considering|of|commit|attempt(?:ing)?|contemplating) suicide\\b|\\b(?:want|wanna|wanting|ready|going|gonna|wish) (?:to )?(?:\\w+ )?(?:die|be dead)\\b|\\bwish i (?:was|were|'?d be) dead\\b|\\b(?:better off|rather be) dead\\b|\\bdon'?t want to (?:live|be alive)\\b|\\b(?:do not|don'?t|doesn'?t) want to live\\b|\\bstop living\\b|\\bdone with life\\b|\\bwant out for good\\b|\\bways to die\\b|\\bdo something to myself\\b|\\bimagining my own death\\b|\\bfeel like dying\\b|\\b(?:tonight|today|tomorrow) i die\\b|\\bkill me\\b[^.!?\\n]{0,15}\\bmean it\\b"),
  // high: self-harm
  cue('self-harm', 'self-harm', "\\b(?:cut|cutting|cuts|slash(?:ed|ing)?) (?:myself|my (?:arms?|wrists?|thighs?|legs?|skin|stomach))\\b|\\bcut(?:ting)? again\\b|\\bi cut\\b(?= *(?:$|[.!?,]|deep|again|tonight|today))|\\b(?:been|started|keep|kept|urge to|urges to) (?:cutting|cut|self[- ]?harm(?:ing)?)\\b|\\bself[- ]?harm(?:ing|ed)?\\b|\\bhurt(?:ing)? myself\\b|\\bburn(?:ed|t|ing)? myself\\b|\\bburned my arm\\b|\\bhit(?:ting)? myself\\b|\\bpunch(?:ing|ed)? (?:the )?walls?\\b|\\bscratch(?:ed|ing)? my (?:arms?|skin)\\b|\\bblade to my\\b|\\bburning myself\\b|\\bwith cigarettes\\b"),
  // methods of suicide
  cue('method:charcoal', 'method', '\\b(?:burn(?:ing)? charcoal|charcoal burning)\\b'),
  cue('method:hanging', 'method', '\\bhang(?:ing)? myself\\b|\\bnoose\\b'),
  cue('method:jumping', 'method', "\\bjump(?:ing|ed)? (?:off|from|into)\\b(?! the pool| a pool)|\\b(?:want|wanna|going|gonna|ready|about) to jump\\b(?! in\\b| on\\b| rope)|\\bjump now\\b|\\bdrive [^.!?\\n]{0,20}off (?:a|the) (?:cliff|bridge)\\b"),
  cue('method:train', 'method', '\\b(?:in front of (?:a|the) train|(?:on|onto) the (?:train )?tracks)\\b'),
  cue('method:overdose', 'method', `\\b(?:overdose|od)\\b|\\btake (?:all|every)(?: of)? (?:my|the)? ?${MEDS}|\\btake every pill\\b|\\bswallow(?:ed)? (?:them|the (?:whole|pills)|all)\\b`),
  cue('method:poison', 'method', '\\bpoison myself\\b|\\bdrink (?:the )?(?:pesticide|bleach)\\b'),
  cue('method:cutting', 'method', '\\b(?:slit|cut) my wrists?\\b'),
  cue('method:drowning', 'method', '\\bdrown myself\\b'),
  // means and places
  cue('means:charcoal', 'means', '\\bcharcoal\\b(?! (?:grill|bbq|mask|face))'),
  cue('means:rope', 'means', '\\brope\\b|🪢'),
  cue('means:blade', 'means', '\\b(?:blade|razor|knife)\\b|🔪'),
  cue('means:pills', 'means', `\\b${MEDS}\\b|💊`),
  cue('means:poison', 'means', '\\bpesticide\\b'),
  cue('means:height', 'location', "\\b(?:i'?m|i am|standing|sitting) (?:on|at) (?:the|my)? ?(?:roof(?:top)?|bridge|ledge|balcony ledge|train platform|platform|edge)\\b|\\bbalcony ledge\\b|\\b(?:roof|rooftop) of my building\\b"),
  cue('means:quantity', 'quantity', `\\b\\d{2,}\\b[^.!?\\n]{0,14}\\b${MEDS}|\\b(?:whole|entire) bottle\\b|\\bhandful of ${MEDS}|\\bover \\d{2,} ${MEDS}|\\b\\d{3,} ?mg\\b|\\b\\d{2,} (?:of my|panadol|tylenol)\\b`),
  // plan, timing, farewell
  cue('plan:prepared', 'prepared', "\\b(?:bought|got the|saved|saving up|stockpil\\w*|ready|prepared|in my hand|in front of me|under my bed|in the closet|in my car|have enough|i have (?:\\d+|over|enough)|i'?ve got)\\b"),
  cue('plan:decided', 'decided', "\\b(?:i'?ve decided|decided to|i plan to|planning to|i have a plan|set the date|i'?m doing it|i'?m ending it)\\b"),
  cue('plan:timeframe', 'timeframe', "\\b(?:tonight|tomorrow|this weekend|after (?:my|the) shift|after that|after work|before sunrise|by morning|in an hour|in a bit|next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|for friday|tonight'?s the night)\\b"),
  cue('plan:now', 'now', '\\b(?:right now|now|rn|standing|climbed|is coming)\\b'),
  cue('plan:farewell', 'farewell', "\\bsuicide note\\b|\\bmy (?:last|final) (?:message|post|words)\\b|\\bthis is my last\\b|\\bmy note is\\b|\\bwrote (?:a|my) (?:note|letter)\\b[^.!?\\n]{0,30}\\b(?:leaving|goodbye|tonight|gone)\\b|\\bwon'?t need (?:it|them|any of it|her|him) anymore\\b|\\bwon'?t need any of it\\b|\\bwon'?t need to take care\\b|\\bgoodbye forever\\b|\\bbye forever\\b|\\bfarewell\\b|\\bnobody needs to worry about me\\b|\\bpassword for my friend\\b"),
  cue('plan:goodbye', 'farewell-weak', "\\b(?:goodbye|bye) (?:everyone|all|guys|y'?all)\\b|\\bi love you all,? i'?m sorry\\b|\\bthank you (?:all )?for everything\\b|\\bthanks for trying\\b|\\bgave away (?:all )?(?:my|all my) (?:things|stuff|belongings)\\b|\\bgiving away (?:all )?my (?:things|stuff|belongings)\\b|,? goodbye$"),
  cue('plan:research', 'research', "\\bknow exactly how (?:i'?ll|i will|to) do it\\b|\\bwhich building is (?:the )?tallest\\b|"+'\\b(?:looked up|searching|googled|researching) how (?:many|much|high|to)\\b|\\bhow many pills (?:it takes|does it take|to die)\\b'),
  cue('attempt:in-progress', 'attempt', `\\b(?:just |already )?(?:took|swallowed|drank|downed|taken)\\b[^.!?\\n]{0,30}\\b(?:\\d{2,}(?! ?mg)|whole|entire|all|handful|every)\\b[^.!?\\n]{0,14}\\b(?:${MEDS}|bottle)|\\bwon'?t stop bleeding\\b|\\bcan'?t stop the bleeding\\b`),
];
