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
  '来呜泪兴奋愤厌烂脏贱骗强临检贷账银职业馆宾栏脱腻扰凭拥抚碍彻惨蓝灵孙弃诀疯错误赖睁伞窝挂摆页尸卫纸缝挤鲜隐钝锐锋壳浅闹稳' +
  '尝试谁战胜败颓丧虚恼惭阀帘坠锯颈咽呛礼坟辞络监狱剥鸭陆轧铺拦泼肤肠胆侣娇婴妇亏仅优伙侦侧俩倾偿储党兰兽冲况净减凑凤击刘则' +
  '创删劝励劳势勋华协卢却厂历厉县参双变叙叠号叹启吴呐咏哑响哗唤啰园围图圣坏块坛垒垫执扩扫拟择挡挣挥损捡换据掷揽搀摄摊撵擞攒' +
  '敌敛斩旧旷昙显晒晓暂机杂权条杨构枪柜标树档横毁毕毙汇汉汤沟沪泽洁测济浓涌涛润涨渐湾湿滚滤滥灭灯灾炉炼牺犹狭猎献环琐画畅疮' +
  '瘫癫皱盏盐盖盘眯矫码砖础硕确祸种积穷窃竞笔笼筑签简粮纠红纤纯纲纳纵纷练组细织绍绕绘继绩绪维绵综绿缓编缠缩罗罢联聪肃肿胁脉' +
  '腾舆舰艰艺节芦苹荐荡获莱营萝萧虫虽蚀蛮补装观规览触誉订训议许设访证译诗诚诞询详语诸读课调谈谋谎谐谣谨谱贝贡财责货质贩贪贫' +
  '购贯贴费贺资赋赌赏赔赚赛赠赶趋踪轰载较辅辆输辖辩迈远违连迟适选递逻邮邻郑酱释钓钢铃链销锅锻镜长闪闯闲阅队阴阶陈随雾须项顺' +
  '顾顿预领频颜额风飞饮饰饼驱驶驻验鱼鸟鸣麦黄龄龙国写宝寻弹悬恋拨当绑缚义万托赘周锂马尔窜扑忆恳拣挚挠捞搂携摇枣桩渊渗溃炖烛' +
  '犊玛瘾皑盗眬祷窍篮粪糁纽缆肮艳莲蔼蚂袜谅贼践跷躯辉迹闸韦顷颅饶驳骄髅鬓鹅鹰' +
  '劲属厢惩抠产禅税谓颂饲驾体占库梁鲨';
const TRADITIONAL =
  '們殺結藥顆燒樓繩遺書絕沒這說聞報導時後還會傷為麼樣對開頭覺過離劑準備買個幾發見謝別東給讓電視劇詞經從現醫餓熱氣嚇煩無尷臉' +
  '丟決邊緣農壓愛難該應學計劃橋頂著續堅負擔廢輕錢債兒終於處裡嗎請問題幫辦話講媽爺員務罰單鐘點兩將車網認識記錄夢聲實際數極盡' +
  '斷級歸寧願樂歡慣陣腦線專訊復殘戲癢撐夠剛雞腳蘇諾贊貴帥醜悶癡躍軟飯膠帶軌鐵陽燙牆訴罵棟層臥噴煙關門鎖間廳廁緊張懷獨懼慮憂' +
  '鬱閉診療師護險運動轉鑰貓養戶嬤慶歲紀輩輪囑憐親眾稱討論評傳達進區約齊總統亂團圓滿餘價賣廣場揚溫涼凍飢飽暈瀉針錠類鎮靜惡驚' +
  '來嗚淚興奮憤厭爛髒賤騙強臨檢貸帳銀職業館賓欄脫膩擾憑擁撫礙徹慘藍靈孫棄訣瘋錯誤賴睜傘窩掛擺頁屍衛紙縫擠鮮隱鈍銳鋒殼淺鬧穩' +
  '嘗試誰戰勝敗頹喪虛惱慚閥簾墜鋸頸嚥嗆禮墳辭絡監獄剝鴨陸軋鋪攔潑膚腸膽侶嬌嬰婦虧僅優夥偵側倆傾償儲黨蘭獸衝況淨減湊鳳擊劉則' +
  '創刪勸勵勞勢勳華協盧卻廠歷厲縣參雙變敘疊號嘆啟吳吶詠啞響嘩喚囉園圍圖聖壞塊壇壘墊執擴掃擬擇擋掙揮損撿換據擲攬攙攝攤攆擻攢' +
  '敵斂斬舊曠曇顯曬曉暫機雜權條楊構槍櫃標樹檔橫毀畢斃匯漢湯溝滬澤潔測濟濃湧濤潤漲漸灣濕滾濾濫滅燈災爐煉犧猶狹獵獻環瑣畫暢瘡' +
  '癱癲皺盞鹽蓋盤瞇矯碼磚礎碩確禍種積窮竊競筆籠築簽簡糧糾紅纖純綱納縱紛練組細織紹繞繪繼績緒維綿綜綠緩編纏縮羅罷聯聰肅腫脅脈' +
  '騰輿艦艱藝節蘆蘋薦蕩獲萊營蘿蕭蟲雖蝕蠻補裝觀規覽觸譽訂訓議許設訪證譯詩誠誕詢詳語諸讀課調談謀謊諧謠謹譜貝貢財責貨質販貪貧' +
  '購貫貼費賀資賦賭賞賠賺賽贈趕趨蹤轟載較輔輛輸轄辯邁遠違連遲適選遞邏郵鄰鄭醬釋釣鋼鈴鏈銷鍋鍛鏡長閃闖閒閱隊陰階陳隨霧須項順' +
  '顧頓預領頻顏額風飛飲飾餅驅駛駐驗魚鳥鳴麥黃齡龍國寫寶尋彈懸戀撥當綁縛義萬託贅週鋰馬爾竄撲憶懇揀摯撓撈摟攜搖棗樁淵滲潰燉燭' +
  '犢瑪癮皚盜矓禱竅籃糞糝紐纜骯豔蓮藹螞襪諒賊踐蹺軀輝跡閘韋頃顱饒駁驕髏鬢鵝鷹' +
  '勁屬廂懲摳產禪稅謂頌飼駕體佔庫樑鯊';

/**
 * Words whose Simplified character stands for more than one Traditional one
 * (干 is 乾 in 干脆 but 幹 in 干嘛; 松 is 鬆 in 轻松), mapped as words before
 * the character table runs. Each pair has the same length.
 */
const S2T_WORDS: readonly (readonly [string, string])[] = [
  ['干嘛', '幹嘛'], ['干么', '幹麼'], ['干脆', '乾脆'], ['干净', '乾淨'], ['轻松', '輕鬆'], ['放松', '放鬆'],
  ['游戏', '遊戲'], ['手游', '手遊'], ['老板', '老闆'], ['卷起', '捲起'], ['舍不得', '捨不得'],
];
const S2T_WORD_RE = new RegExp(S2T_WORDS.map(([s]) => s).join('|'), 'gu');
const S2T_WORD: ReadonlyMap<string, string> = new Map(S2T_WORDS);

/**
 * Online euphemisms written to slip past filters, read as what they stand for:
 * 紫砂 and 自鯊 for 自殺 (not a 紫砂壺 teapot), 嘎 for dying after 想/要/快/就/去.
 */
const SLANG: readonly (readonly [RegExp, string])[] = [
  [/紫砂(?![壺壶陶杯鍋锅])|自[鲨鯊]/gu, '自殺'],
  [/(?<=[想要快就去])[嘎噶](?=了|掉|$|[\s,.!?。，！？~])/gu, '死'],
];

const S2T: ReadonlyMap<string, string> = new Map(
  Array.from(SIMPLIFIED).map((ch, i) => [ch, TRADITIONAL.charAt(i)]),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
// Contractions typed without the apostrophe ("dont", "im", "cant") read as the lexicons expect.
const BARE_CONTRACTION =
  /\b(?:(do|does|did|is|was|were|are|could|would|should|have|has|had|ca|wo|ai)nt|(i)m|(i)ve|(you)re|(that|what|it)s)\b/gu;

function restoreApostrophe(m: string, nt?: string, im?: string, ive?: string, re?: string, s?: string): string {
  if (nt !== undefined) return `${nt}n't`;
  if (im !== undefined) return "i'm";
  if (ive !== undefined) return "i've";
  if (re !== undefined) return "you're";
  if (s !== undefined) return `${s}'s`;
  return m;
}
const CJK_ALL = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[a-z]{2,}/giu;

/**
 * Puts text into the one form the lexicons are written for: NFKC (full-width
 * letters and digits become ASCII), lower case, curly apostrophes straight,
 * Simplified characters mapped to Traditional, CR/LF and tabs as spaces.
 * Lengths may change, so every later position refers to the normalised text.
 */
export function normalizeText(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/gu, "'")
    .replace(/[\r\n\t]+/gu, '\n')
    .replace(BARE_CONTRACTION, restoreApostrophe);
  if (!CJK.test(folded)) return folded;
  const words = folded.replace(S2T_WORD_RE, (w) => S2T_WORD.get(w) ?? w);
  let out = '';
  for (const ch of words) out += S2T.get(ch) ?? ch;
  for (const [re, to] of SLANG) out = out.replace(re, to);
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
