/**
 * The zh-TW catalog: the source of truth for every key. Other locales must
 * have exactly these keys (see `Catalog`).
 *
 * Plurals follow i18next's `_one` / `_other` suffixes. Chinese has only the
 * `other` category, so `_one` is never shown in zh-TW; it is kept so every
 * locale has the same keys.
 *
 * Wording: plain, warm, never lecturing. This is 同儕支持 and 陪伴; never name
 * a feature 諮商, 心理治療 or 療癒.
 */
export const zhTW = {
  app: {
    name: '微光',
    neutralName: '筆記',
    tagline: '匿名的同儕支持空間',
  },
  disclaimer: {
    statement: '同儕支持，不是心理諮商、醫療或緊急救援。',
    neverReports: '微光不會替你報警，也不會通知任何人。要不要打電話、打給誰，由你決定。',
  },
  quickExit: {
    label: '快速離開',
    keysHint: '連按三下 Shift 或兩下 Esc，也可以立刻離開。',
  },
  header: {
    helpNow: '現在就需要幫忙',
    home: '微光首頁',
    switchLanguage: 'English',
    primaryNav: '主要選單',
  },
  footer: {
    title: '需要有人聽你說？這些專線可以打',
    allDay: '24 小時',
    call: '撥打 {{number}}',
  },
  nav: {
    welcome: '首頁',
    circles: '小圈圈',
    toolkit: '自助練習',
    invitations: '邀請',
    safetyPlan: '我的安全計畫',
    help: '現在就需要幫忙',
    settings: '設定',
  },
  welcome: {
    title: '歡迎來到微光',
    intro: '這是一個由同路人彼此陪伴的匿名空間。不用真名，也不用電話號碼；你寫下的內容會先在你的手機上加密。',
    invitationTitle: '有邀請連結嗎？',
    invitationHint: '微光只能透過邀請加入。直接打開別人傳給你的邀請連結，就會帶你到加入的頁面。',
    returningTitle: '以前在這支手機上用過？',
    unlock: '解鎖我的空間',
    helpTitle: '現在很難受嗎？',
    helpHint: '不用等任何人。專線和你的安全計畫，隨時都在這裡。',
    quickExitHint: '如果有人靠近，按「快速離開」，畫面會馬上換成一般網頁。',
  },
  help: {
    title: '現在就需要幫忙',
    intro: '如果你現在很難受，可以先打下面任何一支電話。不用想好要說什麼，說「我現在很難受」就可以了。',
    linesTitle: '可以打的電話',
    alwaysOpen_one: '有 {{count}} 支專線 24 小時都有人接。',
    alwaysOpen_other: '有 {{count}} 支專線 24 小時都有人接。',
    safetyPlanTitle: '我的安全計畫',
    safetyPlanHint: '你事先寫下的：警訊、可以自己做的事、可以聯絡的人。',
    openSafetyPlan: '打開我的安全計畫',
  },
  join: {
    title: '加入微光',
    hasInvitation: '已收到你的邀請連結。加入的步驟很快就會在這裡。',
    noInvitation: '這個連結裡沒有邀請碼。請再打開一次別人傳給你的完整邀請連結。',
  },
  unlock: {
    title: '解鎖我的空間',
  },
  circles: {
    title: '我的小圈圈',
  },
  toolkit: {
    title: '自助練習',
  },
  invitations: {
    title: '邀請',
  },
  safetyPlan: {
    title: '我的安全計畫',
  },
  settings: {
    title: '設定',
    languageTitle: '語言',
    neutralTitle: '不顯眼的名稱',
    neutralLabel: '把分頁標題和安裝名稱改成「筆記」',
    neutralHint:
      '開啟後，瀏覽器分頁和新安裝到主畫面的捷徑會顯示「筆記」和普通的圖示。已經安裝的捷徑要先移除，再重新加到主畫面才會換掉。',
  },
  placeholder: {
    comingSoon: '這個頁面還在準備中。',
    backHome: '回到首頁',
  },
  notFound: {
    title: '找不到這個頁面',
  },
} as const;
