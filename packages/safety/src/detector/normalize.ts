import type { DetectorLang } from './types.js';

/**
 * Simplified → Traditional characters, only for the characters the lexicons
 * and their context rules use (a full table would be far too large). The
 * two strings are aligned character by character.
 */
const SIMPLIFIED =
  '们杀结药颗烧楼绳遗书绝没这说闻报导时后还会伤为么样对开头觉过离剂准备买个几发见谢别东给让电视剧词经从现医饿热气吓烦无尴脸' +
  '丢决边缘农压爱难该应学计划桥顶着续坚负担废轻钱债儿终于处里吗请问题帮办话讲妈爷员务罚单钟点两将车网认识记录梦声实际数极尽' +
  '断级归宁愿乐欢惯阵脑线专讯复残戏痒撑够刚鸡脚苏诺赞贵帅丑闷痴跃软饭胶带轨铁阳烫墙诉骂栋层卧喷烟关门锁间厅厕紧张怀独惧虑忧' +
  '郁闭诊疗师护险运动转钥猫养户嬷庆岁纪辈轮嘱怜亲众称讨论评传达进区约齐总统乱团圆满余价卖广场扬温凉冻饥饱晕泻针锭类镇静恶惊' +
  '来呜泪兴奋愤厌烂脏贱骗强临检贷账银职业馆宾栏杆';
const TRADITIONAL =
  '們殺結藥顆燒樓繩遺書絕沒這說聞報導時後還會傷為麼樣對開頭覺過離劑準備買個幾發見謝別東給讓電視劇詞經從現醫餓熱氣嚇煩無尷臉' +
  '丟決邊緣農壓愛難該應學計劃橋頂著續堅負擔廢輕錢債兒終於處裡嗎請問題幫辦話講媽爺員務罰單鐘點兩將車網認識記錄夢聲實際數極盡' +
  '斷級歸寧願樂歡慣陣腦線專訊復殘戲癢撐夠剛雞腳蘇諾贊貴帥醜悶癡躍軟飯膠帶軌鐵陽燙牆訴罵棟層臥噴煙關門鎖間廳廁緊張懷獨懼慮憂' +
  '鬱閉診療師護險運動轉鑰貓養戶嬤慶歲紀輩輪囑憐親眾稱討論評傳達進區約齊總統亂團圓滿餘價賣廣場揚溫涼凍飢飽暈瀉針錠類鎮靜惡驚' +
  '來嗚淚興奮憤厭爛髒賤騙強臨檢貸帳銀職業館賓欄桿';

const S2T: ReadonlyMap<string, string> = new Map(
  Array.from(SIMPLIFIED).map((ch, i) => [ch, TRADITIONAL.charAt(i)]),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CJK_ALL = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[a-z]{2,}/giu;

/**
 * Puts text into the one form the lexicons are written for: NFKC (full-width
 * letters and digits become ASCII), lower case, curly apostrophes straight,
 * Simplified characters mapped to Traditional, CR/LF and tabs as spaces.
 * Lengths may change, so every later position refers to the normalised text.
 */
export function normalizeText(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/gu, "'").replace(/[\r\n\t]+/gu, '\n');
  if (!CJK.test(folded)) return folded;
  let out = '';
  for (const ch of folded) out += S2T.get(ch) ?? ch;
  return out;
}

/**
 * Guesses the language of a message: `zh` when Han characters carry at
 * least as much of the text as Latin words do, `en` otherwise. Mixed text is
 * fine either way, because the detector runs both lexicons on every message.
 */
export function detectLang(text: string): DetectorLang {
  const han = text.match(CJK_ALL)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  return han > 0 && han >= words ? 'zh' : 'en';
}
