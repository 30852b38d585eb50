import type { DirectoryLocale } from '../directory/index.js';

/** Text in every locale the app ships (zh-TW is the source). */
export type PlanText = Readonly<Record<DirectoryLocale, string>>;

/** The Stanley–Brown steps, in the order they are shown and shared. */
export const SAFETY_PLAN_SECTION_IDS = [
  'warning-signs',
  'coping-alone',
  'distractions',
  'people-to-ask',
  'professionals',
  'safer-surroundings',
  'reasons-for-living',
] as const;

/** One step of the safety plan. */
export type SafetyPlanSectionId = (typeof SAFETY_PLAN_SECTION_IDS)[number];

/** What a view shows for a step: a title, a gentle question, and examples written for this community. */
export type SafetyPlanSectionInfo = Readonly<{
  id: SafetyPlanSectionId;
  title: PlanText;
  prompt: PlanText;
  examples: readonly PlanText[];
}>;

/** Titles, prompts and examples for every step, in order. */
export const SAFETY_PLAN_SECTIONS: readonly SafetyPlanSectionInfo[] = [
  {
    id: 'warning-signs',
    title: { 'zh-TW': '我的警訊', en: 'My warning signs' },
    prompt: {
      'zh-TW': '哪些想法、心情、情況或習慣出現時，你就知道自己又開始往下掉了？',
      en: 'Which thoughts, moods, situations or habits tell you that things are starting to slide?',
    },
    examples: [
      { 'zh-TW': '連續好幾天睡不著', en: 'Several nights in a row without sleep' },
      { 'zh-TW': '遇到很兇的客人之後，一個人關在房間', en: 'Shutting myself in my room after a rough client' },
      { 'zh-TW': '開始想把東西送人', en: 'Starting to think about giving my things away' },
      { 'zh-TW': '誰的訊息都不想回', en: 'Not wanting to answer anyone’s messages' },
    ],
  },
  {
    id: 'coping-alone',
    title: { 'zh-TW': '我自己可以做的事', en: 'Things I can do on my own' },
    prompt: {
      'zh-TW': '不用找別人，也能讓自己撐過去、好一點點的事。',
      en: 'Things that help you get through, or feel a little better, without needing anyone else.',
    },
    examples: [
      { 'zh-TW': '洗個熱水澡', en: 'Take a hot shower' },
      { 'zh-TW': '做微光裡的呼吸練習', en: 'Do a breathing practice in Lamplight' },
      { 'zh-TW': '寫情緒日記', en: 'Write in my mood diary' },
      { 'zh-TW': '出門走一圈', en: 'Go out for a short walk' },
    ],
  },
  {
    id: 'distractions',
    title: { 'zh-TW': '能讓我轉移注意力的人和地方', en: 'People and places that take my mind off things' },
    prompt: {
      'zh-TW': '跟誰在一起、去哪裡，可以讓你暫時離開那些念頭？不一定要談心事。',
      en: 'Who can you be with, and where can you go, to step away from the thoughts for a while? You do not have to talk about them.',
    },
    examples: [
      { 'zh-TW': '去便利商店坐一下', en: 'Sit for a while in a convenience store' },
      { 'zh-TW': '打給姊妹聊八卦', en: 'Call a friend for some gossip' },
      { 'zh-TW': '在小圈圈裡看大家聊天', en: 'Read along in my circle' },
    ],
  },
  {
    id: 'people-to-ask',
    title: { 'zh-TW': '我可以開口求助的人', en: 'People I can ask for help' },
    prompt: {
      'zh-TW': '心情很糟時，可以直接跟對方說「我現在不太好」的人。同伴、守夜夥伴和團體都算。',
      en: 'People you can tell “I am not okay right now”. Peers, the night watch and community groups all count.',
    },
    examples: [
      { 'zh-TW': '在微光找守夜夥伴', en: 'Ask the night watch in Lamplight' },
      { 'zh-TW': '打給日日春', en: 'Call COSWAS' },
      { 'zh-TW': '傳訊息給信任的姊妹', en: 'Message a friend I trust' },
    ],
  },
  {
    id: 'professionals',
    title: { 'zh-TW': '專線、專業人員和機構', en: 'Helplines, professionals and agencies' },
    prompt: {
      'zh-TW': '可以打的專線、看過的醫師或社工。已經先幫你放了幾個，可以刪掉，也可以加上自己的。',
      en: 'Lines you can call, a doctor or social worker you know. A few are already here; remove them or add your own.',
    },
    examples: [
      { 'zh-TW': '我的身心科醫師', en: 'My psychiatrist' },
      { 'zh-TW': '社工（週一到週五白天）', en: 'My social worker (weekdays)' },
    ],
  },
  {
    id: 'safer-surroundings',
    title: { 'zh-TW': '讓身邊的環境更安全', en: 'Making my surroundings safer' },
    prompt: {
      'zh-TW': '念頭很強的時候，讓自己比較不容易傷害自己的做法。',
      en: 'Ways to make it harder to hurt yourself when the thoughts are strong.',
    },
    examples: [
      { 'zh-TW': '把藥交給信任的人保管', en: 'Give my medication to someone I trust to keep' },
      { 'zh-TW': '先離開那個房間', en: 'Leave that room first' },
      { 'zh-TW': '不要一個人喝酒', en: 'Not drinking alone' },
    ],
  },
  {
    id: 'reasons-for-living',
    title: { 'zh-TW': '讓我想活下去的理由', en: 'What I live for' },
    prompt: {
      'zh-TW': '再小都算：一個人、一隻貓、一件還想做的事。',
      en: 'Small things count: a person, a cat, something you still want to do.',
    },
    examples: [
      { 'zh-TW': '我的貓', en: 'My cat' },
      { 'zh-TW': '想存錢去日本', en: 'Saving up to go to Japan' },
      { 'zh-TW': '姊妹說她需要我', en: 'My friend says she needs me' },
    ],
  },
];
