import type { PiiFinding, PiiKind } from './types.js';

type Platform = Readonly<{ kind: PiiKind; keywords: string; handle: string }>;

/** Keyword spellings and handle shapes per platform (matched on width-folded text, case-insensitive). */
const PLATFORMS: readonly Platform[] = [
  { kind: 'line-id', keywords: 'line|ㄌㄞ|賴', handle: '[a-z0-9._-]{4,20}' },
  { kind: 'telegram', keywords: 'telegram|tg|紙飛機|飛機|電報', handle: '[a-z0-9_]{4,32}' },
  { kind: 'wechat', keywords: 'wechat|weixin|vx|wx|v信|微信|威信|薇信', handle: '[a-z0-9_-]{4,20}' },
  { kind: 'instagram', keywords: 'instagram|insta|ig|哀居', handle: '[a-z0-9._]{3,30}' },
];

const NOT_WORD_BEFORE = '(?<![a-z0-9])';
const NOT_WORD_AFTER = '(?![a-z0-9._-])';

/**
 * keyword [id] [: / 是 / 為] [@]handle. Without a colon, 是, "id" or "@", the
 * handle must contain a digit, dot, underscore or dash, so that ordinary words
 * after a keyword ("IG story", "line is busy") are left alone.
 */
function keywordHandle(p: Platform): RegExp {
  return new RegExp(
    `${NOT_WORD_BEFORE}(?:${p.keywords})(?<id>\\s*(?:id|帳號|號))?\\s*(?:(?<sep>[:=]|是|為)|is(?=\\s))?\\s*(?<at>@)?(?<h>${p.handle})${NOT_WORD_AFTER}`,
    'giu',
  );
}

/**
 * An invitation to move elsewhere or an ask for a handle: 加賴, 加我line, 私飛機,
 * 給我你的line, 有賴嗎, "add me on telegram", "what's your ig".
 */
function invitation(p: Platform): RegExp {
  const zhBefore = '(?<![參增追更附外施添疊強])(?:加|私|密|敲)我?(?:的)?\\s*|(?:給我|留|留個|交換|換)(?:一下)?(?:你的|妳的|個)?\\s*';
  const enBefore = `${NOT_WORD_BEFORE}(?:(?:add|dm|message|msg|text|find|hit)\\s+me\\s+(?:up\\s+)?(?:on|at|via)|what(?:'s|’s|\\s+is)\\s+your|do\\s+you\\s+have|got)\\s+`;
  // 「有飛機嗎」 is usually about flights, so the bare 飛機 is left out of the question form.
  const asked = p.keywords
    .split('|')
    .filter((k) => k !== '飛機')
    .join('|');
  return new RegExp(
    `(?:${zhBefore}|${enBefore})(?:${p.keywords})(?![a-z])|有\\s*(?:${asked})\\s*(?:嗎|沒)`,
    'giu',
  );
}

const PLATFORM_PATTERNS = PLATFORMS.map((p) => ({ kind: p.kind, handle: keywordHandle(p), invitation: invitation(p) }));

const LINKS: readonly (readonly [PiiKind, RegExp])[] = [
  ['telegram', /(?<![a-z0-9.-])(?:https?:\/\/)?(?:t|telegram)\.me\/[a-z0-9_+]{3,}/giu],
  ['instagram', /(?<![a-z0-9.-])(?:https?:\/\/)?(?:www\.)?(?:instagram\.com|instagr\.am)\/[a-z0-9._]{2,}\/?/giu],
  ['line-id', /(?<![a-z0-9.-])(?:https?:\/\/)?(?:line\.me|lin\.ee)\/[a-z0-9_~/%@.-]{2,}/giu],
  ['wechat', /(?<![a-z0-9.-])(?:https?:\/\/)?(?:u\.)?wechat\.com\/[a-z0-9_/-]{2,}/giu],
];

/** `ID: handle` without a platform, and `加 @handle`: in this community, almost always a Line ID. */
const GENERIC_ID = /(?<![a-z0-9])id\s*[:=]\s*@?[a-z0-9._-]{4,20}(?![a-z0-9._-])|加\s*@[a-z0-9._-]{3,20}(?![a-z0-9._-])/giu;

const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![a-z0-9-])/giu;

const URL =
  /(?<![a-z0-9@.-])(?:https?:\/\/[^\s<>"'，。！？、）」』]+|www\.[^\s<>"'，。！？、）」』]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|tw|me|io|co|cc|app|xyz|ly|gg|info|biz|link|page|site|to)(?:\/[^\s<>"'，。！？、）」』]*)?(?![a-z0-9-]))/giu;

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

const span = (kind: PiiKind, m: RegExpExecArray): PiiFinding => ({ kind, start: m.index, end: m.index + m[0].length });

/** Line, Telegram, WeChat and Instagram handles, invitations and links; e-mail; other URLs. */
export function findHandles(folded: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const p of PLATFORM_PATTERNS) {
    for (const m of matches(p.handle, folded)) {
      const g = m.groups ?? {};
      const explicit = g['id'] !== undefined || g['sep'] !== undefined || g['at'] !== undefined;
      if (explicit || /[0-9._-]/u.test(g['h'] ?? '')) out.push(span(p.kind, m));
    }
    for (const m of matches(p.invitation, folded)) out.push(span(p.kind, m));
  }
  for (const [kind, re] of LINKS) for (const m of matches(re, folded)) out.push(span(kind, m));
  for (const m of matches(GENERIC_ID, folded)) out.push(span('line-id', m));
  for (const m of matches(EMAIL, folded)) out.push(span('email', m));
  for (const m of matches(URL, folded)) out.push(span('url', m));
  return out;
}

export { matches, span };
