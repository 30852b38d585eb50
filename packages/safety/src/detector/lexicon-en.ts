import { cue, mask } from './cue.js';
import type { Cue } from './cue.js';

/*
 * English lexicon, written against normalised text (lower case, straight
 * apostrophes). Word boundaries use ASCII \b, which is what English needs.
 * Each pattern is a list of alternatives joined with `|`.
 */

const any = (...alternatives: readonly string[]): string => alternatives.join('|');

const MEDS =
  '(?:pills?|tablets?|meds|medications?|sleeping pills?|zolpidem|ambien|stilnox|xanax|alprazolam|trazodone|panadol|tylenol|paracetamol|acetaminophen|ibuprofen|benadryl|seroquel|quetiapine|lithium|oxy\\w*|painkillers?|sertraline|zoloft|prozac|fluoxetine|lexapro|escitalopram|clonazepam|klonopin|lorazepam|ativan|diazepam|valium|mirtazapine|amitriptyline|insulin|tranquili[sz]ers?|sedatives?|benzos?|antidepressants?|sleep aids?)';
const LAUGH = '(?:lol|lmao|lmfao|haha\\w*|😂|🤣|💀|jk|xd)';
const KIN = '(?:grandma|grandpa|grandmother|grandfather|mom|mum|mother|dad|father|sister|brother|baby|son|daughter|nan)';

const INTENT =
  "(?:(?:so |this )?close to|on the verge of|inches from|thoughts? (?:about|of)|imagine|imagining|picture|picturing|want|wants|wanna|wanted|wanting|wish|need|going to|gonna|plan(?:ning)? to|think(?:ing)? (?:about|of)|thought (?:about|of)|consider(?:ing)?|urges? to|ready to|decided to|tempted to|fantasi[sz]\\w* about|dream(?:ing)? (?:about|of)|longing to|would rather|might as well|should just|could just|tempted by|obsessed with)";
const CORE =
  "(?:die|be dead|kill(?:ing)? myself|end(?:ing)? (?:it|my life|everything|things|my own life)|suicide|tak(?:e|ing) my (?:own )?life|overdos\\w*|hang(?:ing)? myself|jump(?:ing)? off|slit(?:ting)? my|cut(?:ting)? myself|dying\\b(?! (?:my|her|his) hair)|myself (?:hanging|dead|dying|jumping)|unaliv(?:e|ing)|sewer ?slide|ctb|self[- ]?delet(?:e|ing)|end myself|jump(?:ing)? out (?:of )?(?:the |my |a )?window|jump(?:ing)? from|jumping$|jumping(?=[,.!?])|hurt(?:ing)? myself|harm(?:ing)? myself|not (?:be )?alive)\\b(?! (?:than|of|laughing|for|if|from|when|at|with|to pay|over|working|some slack|a break|on the|in the|cooking|lifting)\\b)";

/** Idioms and neutral terms blanked out before cues are matched. */
export const EN_MASKS: readonly RegExp[] = [
  mask(`\\b(?:kms|kys|unalive (?:myself|me))\\b[ ,.!]*${LAUGH}`),
  mask(`\\bembarrass\\w*[^.!?\\n]{0,40}\\b(?:want to|wanna|could|gonna) die\\b|\\b(?:want to|wanna|could) die\\b[^.!?\\n]{0,12}\\bembarrass\\w*`),
  mask(`\\bsuicid(?:e|al) (?:prevention|hotline|helpline|line|awareness|squad|mission|rate|rates|training|watch|risk assessment|doors?)\\b`),
  mask(`\\b(?:jump(?:ing)? rope|ropes? course|rope play|rope lights?|learn(?:ing)? the ropes|shibari rope|skipping rope)\\b`),
  mask(`\\brope for (?:\\w+ ){0,2}(?:clothes\\w*|laundry|camping|climbing|boat|moving|gym|yoga|dog|tent|garden|crafts?|macrame|shibari)\\b`),
  mask(`\\bput me out of my misery\\W*${LAUGH}`),
  mask(`\\b(?:could|can) die happy\\b`),
  mask(`\\bi'?m (?:literally )?dying\\b(?= *(?:$|[.!,]|lol|lmao|haha|😂|🤣|💀|of|from|over|at))|\\b(?:is|are|was) killing me\\b|\\bkill(?:ed|ing)? it\\b(?= *(?:$|[.!,]| at| on| in| today| tonight| this))|\\bi'?m dead\\b(?! inside)`),
  mask(`\\b(?:bungee|base|cliff|bridge) jump\\w*[^.!?\\n]{0,30}|\\bjump(?:ing)? off (?:the |a )?(?:diving board|boat|pier|dock|rocks) into\\b`),
  mask(`\\brope\\b[^.!?\\n]{0,24}\\b(?:for|to) (?:hang|hanging|tie|tying|dry|drying|hold|secure|climb|climbing|string)\\b(?! (?:myself|me)\\b)`),
  mask(`\\b(?:kill|killed|killing|kills) me (?:in|during|on|at) (?:the |this |that )?(?:raid|game|match|pvp|round|level|dungeon|boss|lobby|ranked)\\b`),
  mask(`\\b(?:so many|has|have|there are|lots of|new|funny|creative) (?:\\w+ )?ways to die\\b`),
  mask(`\\bfarewell (?:party|dinner|drinks|lunch|gift|card|tour)\\b`),
  mask(`\\bdying (?:to|for|of laughter|laughing)\\b|\\bto die for\\b|\\b(?:bored|scared|worried|tired) to death\\b|\\bdie of (?:happiness|joy|laughter|cuteness)\\b`),
  mask(`\\b(?:od'?d|o\\.d\\.?'?d|overdosed?) on (?:k-?dramas?|sugar|coffee|caffeine|netflix|anime|chocolate|tv|tiktok|k-?pop|carbs|candy|cake|memes|drama)\\b`),
  mask(`\\bdone with (?:this|my|the) (?:shift|week|job|day|exam|semester|client|guy)\\b|\\bdead (?:serious|tired|end)\\b|\\bi'?m so dead\\b`),
];

/** English cues. */
export const EN_CUES: readonly Cue[] = [
  // concern: hopelessness, burden, passive wish to be dead
  cue('hopeless', 'hopeless', any(
    '\\btired of (?:living|being alive|existing|life|everything)\\b', '\\bso tired of existing\\b', '\\btired of being alive\\b',
    "\\bwhat'?s (?:even )?the point\\b", '\\bno point (?:in (?:living|trying|anything)|anymore|of me)\\b', "\\bdon'?t see the point\\b",
    "\\b(?:can'?t|cannot) (?:see|imagine) (?:a|any) future\\b", '\\bno future\\b', '\\bhopeless\\b', '\\bno hope\\b',
    "\\b(?:can'?t|cannot) (?:do|take) (?:this|it) anymore\\b", "\\bi can'?t anymore\\b", "\\b(?:can'?t|cannot) go on\\b",
    "\\b(?:can'?t|cannot) keep (?:going|carrying)\\b", '\\bhow much longer i can\\b', '\\bnothing (?:to live for|left for me|matters anymore)\\b',
    '\\bno reason to (?:live|keep going|go on)\\b', '\\bworthless\\b', '\\bwaste of space\\b', '\\bdead inside\\b', '\\bwaiting to die\\b',
    '\\bthinking about death\\b', '\\bdone fighting\\b', '\\bgiv(?:e|ing) up on (?:everything|life)\\b', '\\bno way (?:out|forward)\\b',
    "\\bdon'?t see a way (?:forward|out)\\b", "\\blife (?:isn'?t|is not) worth\\b", '\\b(?:my )?life is (?:just )?(?:pointless|meaningless|pain|hell|suffering)\\b',
    '\\blife feels (?:meaningless|pointless)\\b', '\\bpointless\\b', '\\bhate being alive\\b', "\\b(?:don'?t see |no idea )?why i'?m still here\\b",
    "\\bit'?ll never get better\\b", "\\bi'?m (?:garbage|trash|worthless|a failure)\\b",
    "\\b(?:don'?t think i'?(?:ll|m going to)|won'?t|not going to) (?:make it|get) through\\b", '\\bliving feels so heavy\\b',
    '\\bwant it (?:all )?to (?:stop|be over)\\b', '\\bfor it (?:all )?to be over\\b', "\\bi'?m (?:just )?done with (?:everything|it all|all of (?:this|it)|life)\\b",
    "\\bi'?m (?:so |just )?done\\.?$", '\\bbroken beyond repair\\b', '\\blog out of (?:this )?life\\b', "\\b(?:no|not sure there'?s a) tomorrow for me\\b", '\\bnever (?:have to )?face (?:anyone|anything|the world) again\\b', "\\bdon'?t care what happens to me\\b", '\\bnothing (?:feels|seems|is) worth it\\b', "\\b(?:don'?t|can'?t|cannot) see a future\\b", '\\bbother living\\b', '\\bwhy (?:do )?i (?:even )?bother\\b', '\\bfeel like (?:trash|garbage|shit|nothing)\\b', '\\bam i (?:so |just )?useless\\b', '\\bliving is (?:so )?(?:exhausting|too hard|pain|too much)\\b', '\\b(?:sick|tired) of (?:living|life|being alive|existing)\\b', '\\bnothing brings me joy\\b', "\\b(?:don'?t see |no idea )?why i should (?:even )?(?:bother )?(?:get|getting) up\\b", '\\bdisappointment to everyone\\b', "\\b(?:don'?t|do not) belong anywhere\\b", "\\bbetter off gone\\b", "\\bwant everything to stop\\b", "\\bno way i'?ll ever get out\\b", "\\bi'?m in a (?:really |very |so )?dark place\\b", '\\bfading away\\b', '\\bpassive si\\b', "\\bwhat i'?m (?:even )?doing here\\b", "\\b(?:don'?t|can'?t) see how (?:it|things|this|life) (?:gets|will get|could get|can get|is going to get) better\\b", '\\bfeel (?:so )?empty\\b', '\\bi have nothing\\b(?! (?:to wear|planned|on|to do))', '\\bi give up\\b(?! on (?:this|that|the|him|her)\\b)', "\\bwhat i'?m (?:even )?holding on for\\b", '\\btoo scared to die\\b', "\\bwhy i'?m (?:still )?alive\\b", '\\bstrength to (?:keep going|go on|live)\\b', "\\b(?:feel(?:ing)?|i'?m) (?:so )?useless\\b",
    '\\bnothing left (?:in this world|to live for|for me)\\b', "\\b(?:won'?t|never|don'?t think i'?ll) ever get better\\b", "\\b(?:don'?t|do not) (?:even )?want to breathe\\b", "\\b(?:don'?t know|not sure) how much longer\\b", "\\bcan'?t keep living like this\\b", '\\bmy existence (?:just )?makes\\b', '\\bi have nothing left\\b',
    "\\bnever come back\\b", "\\b(?:can'?t|cannot) be bothered to (?:live|exist|be alive)\\b", '\\b(?:just )?taking up space\\b', '\\b(?:just existing|existing on autopilot)\\b', '\\bwaste of (?:oxygen|air)\\b', '\\b(?:living|life|existing|being alive) (?:feels|is) (?:just )?(?:like )?(?:a |such a |one (?:big |long )?)?(?:long )?(?:chore|job|sentence|punishment|prison)\\b', "\\b(?:i'?m|and i'?m) (?:okay|ok|fine|at peace) with (?:that|it|dying)\\W*$", "\\bi'?m (?:such |just |a huge |a big )?a? ?disappointment\\b", '\\bnone of (?:it|this) matters\\b', '\\bdisappearing (?:a bit|little by little|slowly|bit by bit)\\b', '\\bpoint (?:of|in) getting better\\b', '\\btired of being (?:the|a) (?:problem|burden|mess|disappointment)\\b', '\\bcare (?:if|whether) i live or die\\b', '\\bhow easy it would be\\b', '\\btired of (?:hoping|fighting|surviving|existing)\\b', "\\b(?:don'?t|do not) (?:really )?see why i should\\b", "\\bi'?m (?:just |such |nothing but )?a waste of\\b", "\\b(?:don'?t|do not) think i want to live like this\\b", '\\b(?:running out of|no more|no) reasons? to (?:stay|live|keep going)\\b', '\\bwaiting (?:for|until) (?:my life|it all|everything|all this|this life|life|the end) (?:to )?(?:be over|end|ends|is over|comes)\\b', '\\bfading out\\b', "\\b(?:not|don'?t) car(?:e|ing) (?:what happens|if i (?:live|die|crash|make it|wake up))\\b", '\\btired of being (?:a person|a human|human|me|myself|here|alive|awake)\\b', '\\bi know how this (?:ends|is going to end|story ends)\\b', "\\bno longer want to (?:be here|be alive|exist|wake up)\\b", '\\blog(?:ging)? off (?:from life|permanently|for good|forever)\\b(?! lol| lmao| haha)', "\\bcan'?t climb out\\b", '\\bnothing makes me happy\\b', "\\b(?:can'?t|don'?t) see (?:any|a) way out\\b", "\\b(?:don'?t want to|tired of) (?:try(?:ing)? to )?stay(?:ing)? alive\\b", "\\b(?:can'?t|don'?t|cannot) see (?:any|a) reason to (?:keep going|live|go on|stay)\\b", "\\bmy family'?s (?:shame|disgrace)\\b", "\\bi'?m a (?:disgrace|shame)\\b",
    "\\b(?:the world|nobody|no one) (?:doesn'?t|does not)? ?needs? me\\b", "\\bshouldn'?t be alive\\b", "\\bcan'?t hold on\\b", '\\bwaiting for (?:all of )?(?:this|it) to end\\b', '\\bwhat am i (?:even )?living for\\b', "\\bcan'?t live like this\\b", '\\bnothing (?:means anything|i do matters)\\b', "\\b(?:don'?t know|no idea) why i (?:keep going|bother|even try|am still (?:alive|here))\\b", "\\b(?:a|just a) (?:problem|burden) (?:for|to) (?:everyone|everybody|my family)\\b",
    "\\bdon'?t want to face (?:tomorrow|another day|anything|anyone|life)\\b", "\\bpoint of (?:being alive|living|life|me)\\b", "\\bholding on for so long\\b",
    "\\bhow to keep (?:living|going)\\b", "\\b(?:tired of )?fighting to stay alive\\b", "\\b(?:give|given|giving|gave) up on (?:everything|life|myself)\\b",
 "\\bfeel like i'?m drowning\\b", "\\bi'?m already (?:gone|dead)\\b", '\\bhate myself\\b(?! for (?:eating|buying|forgetting|sleeping|ordering|missing|skipping|not|saying|drinking))', "\\bnothing (?:will|is going to) (?:ever )?change\\b", '\\bstuck forever\\b',
  )),
  cue('passive-wish', 'hopeless', any(
    "\\bdisappointed (?:i woke up|i'?m still (?:alive|here))\\b", "\\bif i (?:was|were|'m) gone\\b", "\\b(?:never|not|don'?t want to|don'?t) (?:have to )?wake up\\b", "\\b(?:get sick|have an accident) and die\\b", "\\b(?:making it|live|living) (?:to|past) (?:\\d+|thirty|forty|next year)\\b", '\\bcome to my funeral\\b', '\\bput me out of my misery\\b', "\\bif i (?:just )?(?:didn'?t|did not) exist\\b", '\\b(?:if|wish) i (?:got|get|was|were) hit by a (?:car|bus|truck|train)\\b', '\\b(?:died|die) in an accident\\b', '\\bwould be a (?:kind of )?relief\\b', '\\bwaiting for me in heaven\\b', '\\blost (?:all )?hope\\b', '\\bshame of (?:my|the) family\\b', '\\bnever existed\\b', '\\b(?:was|were) never born\\b', '\\bnot to be born\\b',
    "\\bdidn'?t wake up\\b", '\\bsleep forever\\b', "\\bi (?:won'?t|don'?t|never) wake up(?: tomorrow| again)?(?=\\s*(?:$|[.,!?]))", '\\b(?:fall asleep|sleep) and (?:just )?(?:stay asleep|never wake)\\b', '\\bfall asleep forever\\b', '\\b(?:want|wanna|wish|like) (?:i could |to )?(?:just )?(?:disappear|vanish)\\b(?! (?:into|for|to|from (?:the|this) (?:party|chat|room|meeting))\\b)',
    '\\bwish i (?:could|can) (?:just )?(?:disappear|vanish)\\b', "\\bwish i (?:had )?(?:never been|was never|wasn'?t) (?:born|here)\\b",
    "\\b(?:rather|easier if i|wish i could|wish i could just) (?:not|didn'?t) exist\\b", '\\bstop existing\\b', '\\bnot being here anymore\\b',
    "\\b(?:wouldn'?t|would not) (?:mind|care) if i (?:died|didn'?t wake up|was gone|just didn'?t)\\b", '\\bif a car hit me\\b',
    "\\bif i (?:was|were|died|wasn'?t here|wasn'?t around)\\b[^.!?\\n]{0,40}\\b(?:easier|notice|come|relieved|better|miss|happier)\\b",
    "\\bif i wasn'?t (?:around|here)\\b", '\\bcares if i live or die\\b', '\\bwould anyone (?:even )?(?:miss me|care)\\b', '\\bjoin my (?:mom|mum|mother|dad|father|grandma|grandpa|sister|brother|baby|son|daughter)\\b(?! (?:for|at|in|on|and))', "\\bsee myself (?:alive|living|here) (?:in|by|next)\\b",
    "\\bdon'?t want to be here anymore\\b", "\\b(?:don'?t|do not) deserve to (?:live|be alive|exist)\\b", "\\bshouldn'?t (?:exist|be alive|be here)\\b", '\\bdie in my sleep\\b', "\\b(?:nobody|no one) (?:would|will) (?:care|notice|miss me|look|come looking)\\b", `\\b(?:go |to )?be with my ${KIN}\\b(?! (?:tonight|this|on|at|for|in))`,
    "\\bwon'?t be (?:a problem|a burden) (?:for \\w+ )?(?:much|for) longer\\b", '\\bit would be easy\\b',
    "\\beasier (?:to|if i) (?:just )?(?:not exist|didn'?t exist|wasn'?t here|weren'?t here)\\b",
    "\\b(?:fine|okay|ok|wouldn'?t mind|wouldn'?t care) if i (?:didn'?t|don'?t|never) (?:make it|live|get) (?:to|past)\\b", "\\bif i (?:just )?(?:disappeared|vanished|died|was gone|were gone)\\b[^.!?\\n]{0,40}\\b(?:the same|keep going|go on|wouldn'?t change|keep spinning)\\b",
    '\\b(?:crawl into a hole|hide) and never come out\\b', "\\balive (?:only |just )?because i (?:haven'?t|didn'?t) (?:died|die)", "\\bone step (?:forward|off|closer)\\b[^.!?\\n]{0,20}\\b(?:over|gone|done|the end)\\b",
    '\\bpause (?:on )?(?:existing|life|living|being alive)\\b', "\\bbetter off (?:with no|without (?:a|any)) (?:daughter|son|child|kid|sister|brother)\\b",
    "\\b(?:sleep|rest)\\b[^.!?\\n]{0,30}\\b(?:forever|for good|and never wake|and not wake|not come back|never come back)\\b", '\\bstop being (?:me|myself|alive|a person|human)\\b', "\\b(?:oh|ugh|damn|fuck|still),? i'?m still (?:here|alive)\\b", "\\b(?:don'?t|do not) want to exist\\b", `\\bsee my (?:late )?${KIN} again\\b`, "\\b(?:can'?t|don'?t|cannot) see myself (?:living|alive|being here|making it|here) (?:past|beyond|through|to|until)\\b",
    "\\bif (?:something|anything) (?:bad )?(?:happened|happens|were to happen) to me\\b[^.!?\\n]{0,30}\\b(?:fine|okay|ok|relief|wouldn'?t (?:mind|care)|don'?t (?:mind|care))\\b", "\\b(?:easier|happier|better|lighter|calmer|fine)\\b[^.!?\\n]{0,30}\\bif i (?:was|were|wasn'?t|weren'?t|died|disappeared|vanished|was gone|were gone)\\b", "\\bif i (?:vanished|disappeared|stopped existing|just left|was dead|were dead)\\b[^.!?\\n]{0,40}\\b(?:notice|care|miss|easier|better|relieved)\\b",
    "\\b(?:pray|prays|praying|hope|hoping|wish|wishing)(?: that)? i (?:just )?(?:won'?t|don'?t|never|wouldn'?t) wake up\\b", "\\b(?:fall asleep|go to sleep|sleep) and not (?:have to )?(?:wake|do|face|deal|exist)", '\\bhopes? (?:the|my) (?:plane|bus|car|train|taxi|flight) (?:crashes|crash|goes down)\\b', "\\b(?:wouldn'?t|would not) be (?:that |too )?(?:upset|sad|sorry) if (?:i|a car|something)\\b", '\\bif (?:a car|a bus|something) (?:hit|hits|killed) me\\b',
  )),
  cue('burden', 'hopeless', "\\b(?:the|an) extra person\\b|\\bbetter off if i (?:just )?(?:disappeared|was gone|were gone|wasn'?t (?:here|around)|died|didn'?t exist|was dead|were dead)\\b|\\b(?:quieter|easier|lighter|simpler|better|happier|calmer)(?: for (?:everyone|everybody|them|her|him))? without me\\b|\\b(?:a|such a) burden\\b|\\bbetter off without me\\b|\\b(?:better|happier|fine|okay|ok) without me\\b|\\bnobody would (?:even )?notice\\b"),
  cue('leaving', 'leaving', "\\b(?:not|never|won'?t be) (?:making it|going to make it|make it|alive|here|around) (?:to|past|by|until|through) (?:\\d+|summer|winter|spring|fall|autumn|christmas|new year|next \\w+|the end of)\\b|\\b(?:don'?t|do not) think i'?ll (?:still )?be (?:alive|here|around) (?:by|in|at|for|past|next)\\b|\\b(?:my plan is|i'?ve decided|decided|i plan) to go\\b(?! (?:to|home|out|back|shopping|with)\\b)|\\bend of the (?:road|line) for me\\b|\\bi'?m done here\\b|\\bcheck(?:ing)? out (?:soon|early|for good|permanently|tonight)\\b(?![^.!?\\n]{0,40}\\b(?:hotel|room|motel|airbnb|hostel|library|book)\\b)|\\bi'?ll be gone\\b(?! (?:for|until|till|from|on|this|next|over|by|a|all|most)\\b)|\\b(?:i'?m|i am) ready to go\\b(?! (?:to|out|home|back|in|on|for|now|shopping|there|and|with|get|see)\\b)|\\bi (?:just )?want to go(?=\\s*(?:$|[.!]))|\\bno longer (?:want to )?be (?:here|around)\\b|\\btonight i go\\b|\\bi go tonight\\b|\\bhere (?:much|for much) longer\\b|\\bwhen i'?m gone\\b|\\bwon'?t be (?:here|around)\\b|\\bi won'?t be here\\b|\\bleaving (?:\\w+ )?for good\\b|\\bi'?m going (?:tomorrow|tonight)\\b|\\bnot coming back\\b"),
  // high: active ideation
  cue('ideation:active', 'ideation', any(
    '\\bkill(?:ing)? myself\\b(?! (?:at|to|over|working|for|with work|on)\\b)', '\\bkms\\b', '\\bunalive myself\\b', '\\bend(?:ing)? (?:my (?:own )?life|it all|everything|things)\\b(?! with\\b)',
    '\\b(?:wanna|want to|going to|gonna|about|thinking (?:about|of)|of|ways to|how to) end(?:ing)? it\\b(?! with)', '\\bthoughts about ending my life\\b',
    '\\btak(?:e|ing) my (?:own )?life\\b', '\\bsuicidal\\b', '\\bsuicide (?:feels|seems|sounds|is the only|note)\\b',
    '\\b(?:thoughts? of|thinking of|considering|commit(?:ting)?|attempt(?:ing|ed)?|contemplating) suicide\\b', '\\b(?:want|wants|wanna|wanting|ready|wish) (?:to )?(?:\\w+ )?(?:die|be dead)\\b', '\\b(?:decided|deciding|planning|plan|choose|choosing|going|gonna) to (?:\\w+ )?die\\b(?! (?:if|of|from|laughing|when|before|at|in|on))',
    "\\bwish i (?:was|were|'?d be) dead\\b", '\\b(?:better off|rather be) dead\\b', "\\bdon'?t want to (?:live|be alive)\\b",
    "\\b(?:do not|don'?t|doesn'?t) want to (?:keep |go on )?(?:living|live)\\b", '\\bend my suffering\\b', '\\bdying is the only\\b', '\\b(?:attempted|tried to (?:hang|overdose|od|kill|drown)(?: myself)?)\\b(?! (?:a|an|the|that|this|these|those|some|my|his|her|it|them|him|time|off)\\b)', '\\bsurvived my attempt\\b', '\\bstop living\\b', "\\b(?:i'?m )?done (?:with )?living\\b", '\\bdone with life\\b', '\\bwant out for good\\b',
    '\\bways to die\\b', '\\b(?:do something to|might do to|could do to|would do to) myself\\b', '\\bimagining my own death\\b', '\\bfeel like dying\\b',
    '\\b(?:tonight|today|tomorrow) i die\\b', '\\bkill me\\b[^.!?\\n]{0,15}\\bmean it\\b', '\\bend (?:the|this) pain (?:for good|forever)\\b',
    "\\bplan(?:ning)? how (?:i'?d|i would|i'?ll|to) do it\\b", '\\b(?:nearly|almost) (?:did it|went through with it|killed myself)\\b',
    '\\bstopped at the last (?:second|minute)\\b', '\\btried to kill myself\\b', '\\bgiving in to the urge\\b',
    '\\bhow to die\\b', '\\bonly death (?:can|will)\\b', '\\bending it (?:today|tonight|now|all)\\b', '\\bplan(?:ning)? my (?:death|suicide)\\b', '\\b(?:release of|sweet release of|embrace|welcome) death\\b', '\\bwant out\\b(?! of)', '\\bsuicide notes? in my head\\b', '\\bstop being alive\\b', '\\bsewer ?slide\\b', '\\bself[- ]?delet(?:e|ing|ion)\\b', '\\bctb\\b', '\\bactive si\\b', '\\bsuicidal ideation\\b',
    "\\b(?:saying|telling me|says|tells me) (?:to )?(?:just )?(?:do it|end it)\\b", '\\bjust end it\\b', "\\b(?:don'?t|do not) feel safe (?:with|around) myself\\b", "\\bi'?m not safe\\b(?! (?:walking|driving|at work|on the street|there|here alone at night))", '\\b(?:easy|easier|better) to (?:just )?(?:end it|die|kill myself)\\b', '\\bbetter (?:off )?if i killed myself\\b', '\\bdeath is (?:the only|all) (?:thing )?i want\\b', '\\bonly (?:thing )?i want is (?:to die|death)\\b', '\\bby my own hand\\b', '\\bend myself\\b',
    "\\b(?:voice|voices|head|brain|mind)\\b(?:\\W+[\\w']+){0,4}?\\W+(?:telling|tells|told|keeps telling) me to (?:go )?(?:die|kill myself|end it)\\b", '\\bdie without pain\\b', '\\bpainless (?:way to die|death)\\b', '\\bend (?:all of )?(?:this|it all)\\b(?! (?:relationship|call|convo|conversation|contract|job|shift|week|chat))',
    '\\bleave this world\\b', "\\bi'?d die (?:right now|today|tonight)\\b", '\\bdanger to myself\\b', '\\bthoughts of (?:killing myself|suicide|ending (?:it|my life))\\b',
    '\\bfantasi[sz]\\w* about (?:killing myself|dying|my death|suicide)\\b', '\\burge to die\\b',
    '\\bthinking (?:about|of) ways\\b(?= *(?:$|[.!?,]))', '\\bpermanent (?:solution|way out|exit|fix)\\b', '\\b(?:picture|picturing|imagine|imagining) my (?:dead )?body\\b', "\\brather die than\\b(?=[^\\n]{0,80}\\b(?:literally|i mean (?:it|that)|not joking|for real)\\b)", "\\b(?:i'?d|i would) have (?:killed myself|done it|ended it)\\b", "\\bmake sure i (?:don'?t|never|won'?t)(?= *(?:$|[.!]| wake| come back))", '\\b(?:tap|tapping|tapped|check|checking|bow|bowing|opt|opting|clock|clocking) out of (?:life|this life|existence|this world|living)\\b', '\\bk[ .]m[ .]s\\b', "\\b(?:don'?t|do not) (?:plan|intend|expect) (?:on|to) (?:be|being) (?:here|around|alive)\\b(?! (?:for|at|when|tomorrow|tonight|this)\\b)", "\\b(?:last|final) (?:birthday|christmas|new year|summer|winter|lunar new year) (?:i'?m|i'?ll|i will|i am) (?:ever )?(?:having|have|see|seeing|spend|spending|be)\\b", "\\bdecided (?:that )?i'?m (?:done|finished|out)\\b(?! (?:with|for|at)\\b)", "\\bthink(?:ing)? about how (?:i'?d|i would|i'?ll|i will|to) do it\\b", '\\bthrow(?:ing)? myself (?:into|in front of|off|under|from)\\b', '\\b(?:want to|wanna|gonna|going to|might|should|could|about to) rope\\b', '\\brope myself\\b', "\\bno longer want to (?:live|be alive)\\b", '\\bcheck(?:ing)? out (?:early|for good|permanently)\\b',
  )),
  // high: a wish, urge or plan word followed closely by dying or self-harm, whatever the wording between
  cue('ideation:active', 'ideation', `\\b${INTENT}\\b(?:\\W+[\\w']+){0,3}?\\W+${CORE}`),
  // high: self-harm
  cue('self-harm', 'self-harm', any(
    '\\b(?:cut|cutting|cuts|slash(?:ed|ing)?) (?:myself|my (?:arms?|wrists?|thighs?|legs?|skin|stomach))\\b(?! (?:some )?slack| a break| off\\b| out\\b| shaving| on (?:a|the|some)\\b)', '\\bcut(?:ting)? again\\b',
    '\\bi cut (?:deep|again|tonight|today)\\b', '\\bi cut(?= *(?:$|[.!?,]))', '\\bcut (?:deep|deeper)\\b', "\\bi(?:'?ve)? (?:just |already )?cut (?:really |so |too )?deep(?:er)?\\b",
    '\\b(?:been|started|keep|kept|urge to|urges to) (?:cutting|cut|self[- ]?harm(?:ing)?)\\b', '\\bself[- ]?harm(?:ing|ed)?\\b',
    '\\bhurt(?:ing)? myself\\b(?! (?:laughing|lifting|playing|running|working out|falling|at the gym|on (?:a|the)|in (?:a|the)|at (?:work|the))\\b)', '\\bburn(?:ed|t|ing)? myself\\b(?! (?:cooking|on (?:the|a)|with the (?:iron|kettle|pan)|ironing|while|making)\\b)', '\\bburned my arm\\b', '\\bhit(?:ting)? myself\\b(?![^.!?\\n]{0,30}\\b(?:door|cabinet|shelf|accident\\w*|ball|racket|by mistake)\\b)', '\\bburn(?:ing|ed|t|s)? (?:my (?:arm|hand|skin|wrist|leg|thigh)s?|myself) with\\b', "\\b(?:scratch\\w*|pick\\w*|pull\\w*|dig\\w*|bit\\w*)\\b[^.!?\\n]{0,20}\\buntil (?:it|they|i|my skin) (?:bleed|bleeds|bled|bleeding)\\b", '\\bpunch(?:ing|ed)? myself\\b', '\\bsleeves? (?:rolled )?up\\b[^.!?\\n]{0,30}\\b(?:razor|blade|knife)\\b', '\\busing (?:it|one|them|a \\w+|the \\w+) on myself\\b(?! (?:for|as|every))', '\\busing (?:the|a|my) (?:razor|blade|knife|lighter)\\b(?= (?:again|on (?:my|me)))', '\\bcarv(?:e|es|ed|ing) (?:into )?(?:my(?:self)?|words into)\\b(?! (?:initials|name) (?:on|in) (?:the|a) (?:tree|desk|table))', '\\bbruis(?:e|es|ed|ing) myself\\b', '\\bpunch(?:ed|ing)? my (?:thigh|leg|arm|stomach|face|head)s?\\b', '\\b(?:hurt|hit|punch|burn|cut|bruis|scratch|bit)\\w*\\b[^.!?\\n]{0,24}\\bon purpose\\b(?! (?:to|for) (?:the|a) (?:photo|scene|shoot|role))', '\\bpunch(?:ing|ed)? (?:the )?walls?\\b',
    '\\bscratch(?:ed|ing)? my (?:arms?|skin|wrists?|thighs?|legs?)\\b', '\\bmy (?:wrists?|arms?|thighs?|legs?|skin) with (?:a|the) (?:razor|blade|knife)\\b', '\\bblade to my\\b', '\\bburning myself\\b', '\\bwith cigarettes\\b', '\\bstarv(?:e|ing) myself\\b',
    '\\bscratching my skin raw\\b', '\\bslic(?:e|ing) (?:myself|my (?:arms?|wrists?|skin|thighs?))\\b', '\\b(?:relapsed on|my|did|urges? to|the urge to|do) sh\\b', '\\bsh (?:urges?|again|relapse|tonight)\\b', '\\bstab(?:bed|bing)? (?:myself|my (?:hand|arm|leg|thigh)s?)\\b', '\\b(?:want|wanna|need|urge|urges) to cut\\b(?! (?:back|down|ties|class|out|off|in|my hair|the|it|costs|corners|loose|someone|him|her|them|you|a deal|myself (?:some )?slack|myself a break))', '\\bburn(?:ed|t)? my (?:hand|arm|skin|wrist|leg)s?\\b', '\\bmade a (?:small )?cut\\b', '\\b(?:blade|razor|knife) (?:across|into|over|along) my\\b', '\\b(?:bang(?:ed|ing)?|hit(?:ting)?|slam(?:med|ming)?) my head\\b',
  )),
  // methods of suicide
  cue('method:charcoal', 'method', '\\b(?:burn(?:ing)? charcoal|charcoal burning)\\b'),
  cue('method:gas', 'method', '\\b(?:hose (?:hooked up|attached|connected|in the window|from the exhaust|to the exhaust)|exhaust (?:pipe|hose) (?:into|in)|the gas is on|turned on the gas|gas on|car exhaust)\\b'),
  cue('method:hanging', 'method', '\\b(?:belt|rope|cord|scarf|noose|cable) (?:was |is )?(?:around|round|on) my neck\\b|\\bhang(?:ing)? myself\\b|\\bnoose\\b'),
  cue('method:jumping', 'method', "\\bjump(?:ing)? out (?:of )?(?:the |my |a )?window\\b|\\bjump in(?:to)? the (?:river|sea|ocean|lake|water)\\b|\\bjump(?:ing|ed)? (?:off|from) (?:the |a |my |this )?(?:\\w+ )?(?:roof|rooftop|building|bridge|balcony|cliff|ledge|window|tower|floor|overpass|\\d+)|\\b(?:want|wanna|going|gonna|ready|about) to jump\\b(?! in\\b| on\\b| rope)|\\bjump now\\b|\\bdrive [^.!?\\n]{0,20}off (?:a|the) (?:cliff|bridge)\\b"),
  cue('method:train', 'method', '\\b(?:step(?:ping)? (?:off|onto|down onto|off the edge of) (?:the )?(?:platform|tracks)|in front of (?:a|the) (?:train|car|bus|truck|mrt)|(?:on|onto) the (?:train )?tracks)\\b'),
  cue('method:overdose', 'method', `\\b(?:take|swallow) them all\\b|\\btake all of them\\b|\\b(?:overdos(?:e|ed|ing)|od)\\b|\\btake (?:all|every)(?: of)? (?:my|the)? ?${MEDS}|\\btake every pill\\b|\\bswallow(?:ed)? (?:them|the (?:whole|pills)|all)\\b`),
  cue('method:poison', 'method', '\\bpoison myself\\b|\\bdrink (?:the )?(?:pesticide|bleach)\\b'),
  cue('method:cutting', 'method', '\\b(?:slit|slitting|cut|cutting) my wrists?\\b|\\b(?:blade|knife|razor) (?:is )?(?:on|against) my (?:wrist|neck|throat)\\b'),
  cue('method:drowning', 'method', '\\bdrown myself\\b|\\bwalk into the (?:sea|ocean|river|water|lake)\\b'),
  cue('method:vehicle', 'method', '\\blet(?:ting)? go of the (?:steering )?wheel\\b|\\b(?:swerve|steer|crash|drive|drift)\\b[^.!?\\n]{0,20}\\binto (?:oncoming traffic|traffic|a (?:truck|wall|tree|pole|bus)|the (?:divider|barrier|rail|median))\\b|\\bstep (?:out )?in front of (?:a|the) (?:bus|car|truck|scooter)\\b|\\bdrive (?:my car )?(?:into|off) (?:a|the) (?:tree|wall|truck|pole|river|cliff|bridge)\\b|\\bcrash my car on purpose\\b'),
  cue('method:suffocation', 'method', '\\b(?:choke|choking|strangle|strangling|suffocate|suffocating) myself\\b|\\b(?:plastic )?bag over my head\\b'),
  cue('method:hanging-point', 'method', '\\b(?:belt|cord|scarf|sheet|rope) (?:to|around|over) (?:the |my )?(?:closet|door|rod|beam|ceiling|fan|pipe|rail)\\b'),
  cue('method:firearm', 'method', '\\bshoot myself\\b|\\bthe gun is loaded\\b|\\bgun to my head\\b|\\bblow my brains out\\b|\\beat a bullet\\b'),
  cue('means:firearm', 'means', '\\b(?:gun|pistol|shotgun|handgun|firearm|rifle)\\b'),
  // means and places
  cue('means:charcoal', 'means', '\\bcharcoal\\b(?! (?:grill|bbq|mask|face))'),
  cue('means:rope', 'means', '\\brope\\b|🪢'),
  cue('means:blade', 'means', '\\b(?:blade|razor|knife)\\b|🔪'),
  cue('means:pills', 'means', `\\b${MEDS}\\b|💊`),
  cue('means:poison', 'means', '\\bpesticide\\b'),
  cue('means:height', 'location', any(
    "\\b(?:i'?m|i am|standing|sitting) (?:on|at|by|near|next to|beside) (?:the|my)? ?(?:roof(?:top)?|bridge|train platform|platform|edge|river|sea|ocean|lake|cliff|beach|train tracks|tracks|\\d+\\w* floor balcony)\\b", '\\b(?:roof|rooftop) of my building\\b',
    "\\b(?:parked|drove|driving|going|i'?m going|heading) (?:up )?(?:at|to|near|on) the (?:cliff|bridge|roof|rooftop|sea|river|tracks)\\b", '\\b(?:on|at|from) the (?:\\w+ )?(?:roof|rooftop)\\b(?! (?:bar|party|garden|terrace|restaurant))', '\\bon the top floor\\b', '\\bin the (?:bath)?tub\\b', "\\b(?:i'?m|i am|standing|sitting) (?:at|on|by) the (?:pier|dock|harbou?r|seawall|breakwater|waterfront)\\b",
  )),
  cue('means:quantity', 'quantity', `\\b(?:\\d+|two|three|four|five|six|several) (?:boxes|bottles|packs|strips|blister packs) of\\b|\\b\\d{2,}\\b[^.!?\\n]{0,14}\\b${MEDS}|\\b(?:whole|entire|full) bottle\\b|\\bhandful of ${MEDS}|\\bover \\d{2,} ${MEDS}|\\b\\d{3,} ?mg\\b|\\b\\d{2,} (?:of my|panadol|tylenol)\\b`),
  // plan, timing, farewell
  cue('plan:prepared', 'prepared', "\\b(?:saving (?:them|my|up|the)|counted (?:them|it)(?: again)?|there'?s enough|(?:have|got) enough (?:now|saved)|collect(?:ing|ed)?|set out|is here|poured|bought|got the|saved|saving up|stockpil\\w*|ready|prepared|in my hand|in hand|in front of me|under my bed|in the closet|in my car|in my trunk|in the trunk|have enough|i have (?:\\d+|over|enough|a|the)|i'?ve got|counted out|laid out|lined up|(?:noose|rope) is (?:up|ready|tied|hung)|windows are taped|taped the windows|windows are sealed|sealed the (?:windows|door|room|gap))\\b"),
  cue('plan:decided', 'decided', "\\b(?:(?:nobody|no one|nothing)(?:'s| is)? (?:going to|gonna|can|will) (?:talk|stop) me|made (?:my )?peace with (?:it|that|this|dying|leaving|going)|i'?ve decided|i decided|decided to|i plan to|planning to|i have a plan|set the date|i'?m ending it|my plan is to|tonight is the night|tonight'?s the night|i'?ve made up my mind|made up my mind)\\b"),
  cue('plan:do-it', 'do-it', "\\b(?:to|will|i'?ll) do it when\\b|\\btonight(?:'s| is) the night\\b|\\b(?:going to|gonna|ready to|about to|will|i'?ll|where i'?m going to) (?:do it|try again)\\b|\\bi'?m doing it\\b|\\bi'?m going over\\b"),
  cue('plan:timeframe', 'timeframe', "\\b(?:tonight|tomorrow|this weekend|after (?:my|the) shift|after that|after work|after this (?:message|post)|before sunrise|by morning|in an hour|in a bit|in (?:a few|\\d+|ten|five|twenty) (?:minutes|mins|hours)|next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:for )?friday|tonight'?s the night|after everyone'?s asleep)\\b"),
  cue('plan:now', 'now', "\\b(?:legs? (?:won'?t stop|keep|keeps) shaking|right now|now|rn|climbed|is coming|is almost here|almost here|looking over the edge|looking down)\\b|\\bi'?m (?:on|at|by|near) (?=(?:the|my) (?:roof|rooftop|bridge|ledge|train platform|platform|edge|cliff|river|sea|ocean|lake))"),
  cue('plan:farewell', 'farewell', any(
    '\\bsuicide notes?\\b(?! in my head)', '\\bmy (?:last|final) (?:message|post|words)\\b', '\\bthis is my last\\b', '\\bmy note is\\b',
    '\\bwrote (?:a|my) (?:note|letter)\\b[^.!?\\n]{0,30}\\b(?:leaving|goodbye|tonight|gone)\\b', "\\bwon'?t need (?:it|them|any of it|her|him) anymore\\b",
    "\\bwon'?t need any of it\\b", "\\bwon'?t need to take care\\b", '\\b(?:goodbye|bye) forever\\b(?!,? (?:\\w+ )?(?:boss|job|place|company|ex|agency|manager|landlord|heels|diet|office|school|shift|club|store|shop)\\b)', '\\bfinal goodbye\\b', '\\b(?:goodbye|bye),? (?:cruel )?world\\b', "\\b(?:don'?t|do not) (?:want to be saved|try to save me)\\b", '\\bmy last words\\b', '\\bthese are my last\\b', '\\bthis is goodbye\\b', '\\bgoodbye (?:letter|note)s?\\b', "\\b(?:don'?t|do not) call (?:anyone|an ambulance|911|119|for help)\\b", '\\blast day alive\\b', "\\blast time (?:i'?ll be|i am|i'?m) (?:online|here|posting)\\b", "\\blast time (?:i'?ll|i will) (?:talk|speak|write|post)\\b", '\\b(?:the|my) (?:note|letter) is (?:under|on|in) (?:my|the)\\b', "\\bsorry,? i'?m (?:leaving|going) first\\b",
    '\\bfarewell\\b', '\\bnobody needs to worry about me\\b', "\\b(?:tonight'?s|tonight is|this is|today is|today'?s) my (?:last|final) (?:night|day)\\b", "\\b(?:don'?t|won'?t) need (?:it|them|any of (?:it|this|that)|anything) where i'?m going\\b", '\\bpassword for my friend\\b',
  )),
  cue('plan:goodbye', 'farewell-weak', any(
    "\\b(?:goodbye|bye) (?:everyone|all|guys|y'?all)\\b", '\\b(?:the )?(?:spare )?keys? (?:to my (?:place|apartment|room|flat) )?(?:is|are) (?:under|in|on|with|behind)\\b', '^sorry for everything\\b', '\\b(?:tell|let) my (?:sister|brother|mom|mum|dad|kids?|son|daughter|friend|best friend|roommate)\\b[^.!?\\n]{0,40}\\b(?:sorry|love|cat|dog|food|money|password|keys?)\\b', "\\bi love (?:you all|you guys|y'?all)\\W*$", "\\b(?:don'?t|do not) wait up for me\\b", "\\bi love you all,? i'?m sorry\\b", '\\bthank you (?:all )?for everything\\b',
    '\\bthanks for trying\\b',     ',? goodbye$', ',? bye\\W*$', '\\bthank you (?:all|everyone|everybody)\\s*[.!]*$', '\\b(?:please )?take care of my (?:cat|dog|kids?|son|daughter|babies)\\b', '\\bwrote (?:a|my) will\\b', "\\b(?:after|when|once) everyone'?s (?:asleep|gone|out)\\b", '\\bthis is the end for me\\b', '\\bsay goodbye to (?:someone|somebody|you all|everyone)\\b',
  )),
  cue('plan:preparation', 'preparation', any(
    '\\b(?:gave|give|giving|given) away (?:all |most )?(?:of )?(?:my|all my) (?:things|stuff|belongings|clothes|books)\\b',
    '\\b(?:gave|give|giving|given) (?:all |most )?(?:of )?my (?:stuff|things|belongings|clothes|books|plants) away\\b',
    '\\b(?:wrote|written|writing|finished) (?:\\w+ )?(?:letters?|notes?) (?:to|for) (?:everyone|everybody|each of (?:you|them)|all of (?:you|them)|(?:my )?(?:parents|mom|mum|dad|family|sister|brother|kids|children|friends?))\\b',
    '\\b(?:sorted|sorted out|put|got|have) (?:everything|all my affairs|my affairs) (?:out|in order|sorted)\\b', "\\b(?:i'?ve )?sorted (?:out )?everything\\b", '\\b(?:dropped|left|gave) (?:off )?my (?:cat|dog|kids?|son|daughter|rabbit)\\b[^.!?\\n]{0,20}\\b(?:at|with|to) (?:my )?(?:friend|sister|brother|mom|mum|neighbou?r)',
    '\\b(?:deleted|deleting|wiped|closed) (?:all )?my (?:accounts|social media|instagram|photos|messages)\\b', '\\b(?:left|leaving) (?:my )?(?:savings|bank ?card|atm card|passwords?|pin|money|cat|dog)\\b[^.!?\\n]{0,30}\\b(?:for|to) (?:my )?(?:sister|brother|mom|mum|mother|dad|friend|roommate|neighbou?r|kid|son|daughter)\\b',
    '\\b(?:paid|paying) (?:my )?rent (?:forward|ahead|in advance)\\b', '\\b(?:cancell?ed|cancell?ing) (?:my )?(?:phone plan|lease|subscriptions|insurance)\\b(?=[^.!?\\n]{0,30}\\b(?:so|nobody|no one)\\b)',
    '\\b(?:made|making) (?:sure|arrangements) (?:for )?(?:someone|my (?:sister|friend|neighbou?r|roommate)) (?:will |can |to )?(?:take|takes) (?:care of|my) (?:my )?(?:cat|dog|kids?)\\b',
  )),
  cue('plan:sorry', 'sorry', "\\b(?:say|saying|tell|telling) (?:i'?m )?sorry to (?:everyone|everybody|all|my)\\b|\\bsorry for everything\\b|\\b(?:i'?m )?(?:so )?sorry\\W*$|\\bplease forgive me\\b|\\bforgive me\\W*$"),
  cue('plan:take', 'take', "\\b(?:(?:going to|gonna|will|i'?ll|about to|ready to) (?:take|swallow)|(?:i'?m|i am) (?:taking|swallowing)) (?:them|those|it all|all of them)\\b"),
  cue('plan:how', 'decided', "\\bthought about exactly how\\b|\\b(?:how (?:to|i'?d|i would|i could|i'?ll|people)|ways to) (?:make (?:that|it|this) happen|do it|go through with it)\\b"),
  cue('plan:research', 'research', any(
    '\\bto see how long it (?:takes|would take)\\b',
    '\\bknow (?:exactly )?(?:which|what) (?:bridge|building|floor|spot|roof|pills|cliff|tree)\\b', '\\b(?:googl\\w*|search\\w*|look\\w* up|check\\w*)\\b[^.!?\\n]{0,20}\\b(?:tallest|highest) (?:buildings?|bridges?|floors?|rooftops?|cliffs?)\\b',
    "\\b(?:picked|chose|chosen|found|scouted|checked out) (?:the|a|my) (?:bridge|building|spot|place|roof|rooftop|date|day|cliff|floor|tree)\\b(?! (?:for|to (?:eat|meet|have|get|stay|party))\\b)",
    '\\b(?:to see|check(?:ing|ed)?|look(?:ing|ed)? at) how high\\b',
    '\\bhow many (?:\\w+ ){0,2}(?:would|does|will) it take\\b', '\\b(?:most )?painless(?:est)? way\\b', '\\bwhere (?:can|do) i (?:buy|get) (?:a )?(?:gun|rope|charcoal|pesticide)\\b',
    '\\b(?:googl\\w*|search\\w*|look(?:ing|ed)? up|research\\w*) (?:suicide|ways to die|how to (?:kill myself|die)|(?:suicide )?methods)\\b',
    "\\bknow exactly how (?:i'?ll|i will|to) do it\\b", '\\bwhich building is (?:the )?tallest\\b',
    '\\b(?:looked up|searching|googled|researching) how (?:many|much|high|to)\\b', '\\b(?:looked up|googled|searched|checked|asked) (?:if|whether|how) [^.!?\\n]{0,40}\\b(?:suicide|overdose|kill myself)\\b', '\\bhow many pills (?:it takes|does it take|to die)\\b',
  )),
  cue('ideation:relapse', 'relapse', '\\b(?:thinking about|considering|planning|contemplating) (?:it|doing it|trying) again\\b|\\b(?:want|going|planning) to (?:try|do it) again\\b'),
  cue('attempt:injury', 'injury', any(
    "\\bwon'?t stop bleeding\\b", "\\bblood (?:won'?t|doesn'?t|will not) stop\\b", '\\bblood everywhere\\b', "\\bcan'?t stop the bleeding\\b", '\\bcut (?:really |so |too )?deep\\b', '\\b(?:so much|a lot of|lots of) blood\\b',
  )),
  cue('attempt:in-progress', 'attempt', any(
    `\\bmixing (?:all )?(?:of )?(?:my |the )?${MEDS} with\\b`, '\\b(?:swallowed|took|taken) (?:two|three|four|five|several|a few|\\d+) (?:strips|packs|boxes|bottles|blister packs)\\b',
    '\\b(?:swallowed|downed) \\d{2,}\\b(?! ?(?:mg|ml|minutes|mins?|years|days|%))',
    '\\bdrank (?:the |some )?(?:bleach|pesticide|poison)\\b', "\\b(?:just|already) (?:overdosed|od'?d)\\b", "\\bi(?:'?ve)? (?:just )?overdosed\\b(?! (?:on (?:k-?drama|sugar|coffee|caffeine)))",
    '\\b(?:on|at) the edge of (?:the|my) (?:roof|building|bridge|balcony|platform|cliff)\\b',
    '\\b(?:took|taken|swallowed) (?:them all|all of them|the lot)\\b',
    '\\b(?:took|swallowed|taken) everything in (?:my|the)\\b',
    '\\b(?:engine|car) running in (?:the|a|my) (?:closed )?garage\\b', '\\bgarage\\b[^.!?\\n]{0,40}\\bengine (?:is |was )?(?:running|on)\\b',
    `\\b(?:took|taken|swallowed) (?:a lot of|so many|too many|lots of|a bunch of|a pile of|a handful of) (?:[\\w']+ ){0,3}?${MEDS}`, '\\b(?:just|already) (?:drank|swallowed|took) (?:the |some )?(?:pesticide|bleach|poison)\\b',
    '\\b(?:sitting|standing) on the edge of (?:the|my) (?:roof|building|bridge|balcony)\\b', "\\b(?:charcoal(?: is|'s) lit|lit the charcoal)\\b", '\\b(?:pills?|tablets?) (?:are |is )?(?:already )?in my mouth\\b',
    `\\b(?:just |already )?(?:took|swallowed|drank|downed|taken)\\b[^.!?\\n]{0,30}\\b(?:\\d{2,}(?! ?mg)|whole|entire|all|handful|every|everything)\\b[^.!?\\n]{0,14}\\b(?:${MEDS}|bottle)`,
    '\\b(?:took|swallowed) \\d{2,} of (?:my|the)\\b',  '\\bswallowed everything\\b', 
    '\\b(?:outside|over) the railing\\b', "\\b(?:i'?m|standing|sitting) on the (?:\\w+ )?(?:ledge|windowsill|window sill)\\b",
  )),
];
