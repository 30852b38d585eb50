/** What kind of identifying or legally risky detail a span looks like. */
export type PiiKind =
  | 'phone'
  | 'line-id'
  | 'telegram'
  | 'wechat'
  | 'instagram'
  | 'email'
  | 'national-id'
  | 'address'
  | 'plate'
  | 'price'
  | 'url';

/**
 * One finding: `start`/`end` are UTF-16 offsets into the text that was checked
 * (`text.slice(start, end)`). The matched text itself is never copied, so a
 * finding is safe to count or log.
 */
export type PiiFinding = Readonly<{ kind: PiiKind; start: number; end: number }>;
