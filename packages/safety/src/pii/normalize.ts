/**
 * Fold full-width ASCII (Ａ-Ｚ, ０-９, ＠, ：…) to ASCII and the ideographic space
 * to a space. Every character maps to exactly one UTF-16 unit, so offsets in
 * the folded text are offsets in the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/gu, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const CJK_DIGITS: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 洞: '0',
  一: '1', 壹: '1', 么: '1',
  二: '2', 貳: '2',
  三: '3', 參: '3', 叁: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陸: '6',
  七: '7', 柒: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9',
};

/** The digit a character stands for when digits are spelled out one by one (folded text). */
export function digitOf(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') return ch;
  return CJK_DIGITS[ch];
}
