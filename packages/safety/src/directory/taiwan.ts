import type { Directory } from './schema.js';

/**
 * The Taiwan directory shipped with Lamplight. Stewards can override it for
 * their region; the footer and the hand-off screen read whichever is in force.
 *
 * Hours were checked against each service's own published hours; where a
 * service is not around the clock it says so, so nobody calls a closed line
 * at 3 a.m.
 */
export const TAIWAN_DIRECTORY: Directory = {
  version: 1,
  region: 'TW',
  entries: [
    {
      id: 'tw-1925',
      name: { 'zh-TW': '安心專線', en: 'Suicide prevention line (An-Xin)' },
      dial: '1925',
      hours: { always: true },
      purpose: {
        'zh-TW': '心情低落、想不開、需要有人聽你說的時候，免付費，24 小時都有人接。',
        en: 'When you feel low, think of ending your life, or need someone to listen. Free, answered 24 hours a day.',
      },
      kinds: ['crisis'],
      footer: true,
    },
    {
      id: 'tw-1995',
      name: { 'zh-TW': '生命線', en: 'Lifeline' },
      dial: '1995',
      hours: { always: true },
      purpose: {
        'zh-TW': '生活壓力、情緒困擾、自殺念頭，24 小時電話陪伴。',
        en: 'Life stress, distress, thoughts of suicide. Telephone support 24 hours a day.',
      },
      kinds: ['crisis'],
      footer: true,
    },
    {
      id: 'tw-1980',
      name: { 'zh-TW': '張老師專線', en: 'Teacher Chang line' },
      dial: '1980',
      hours: {
        always: false,
        text: { 'zh-TW': '週一至週六 9:00–21:00，週日 9:00–17:00', en: 'Mon–Sat 9:00–21:00, Sun 9:00–17:00' },
      },
      purpose: {
        'zh-TW': '感情、家庭、工作、人際等煩惱的電話陪談。',
        en: 'Telephone support for relationship, family, work and other worries.',
      },
      kinds: ['support'],
      footer: true,
    },
    {
      id: 'tw-113',
      name: { 'zh-TW': '113 保護專線', en: '113 protection line' },
      dial: '113',
      hours: { always: true },
      purpose: {
        'zh-TW': '家庭暴力、性暴力、性剝削、兒少保護。24 小時，提供多種語言。',
        en: 'Domestic violence, sexual violence, sexual exploitation, child protection. 24 hours, several languages.',
      },
      kinds: ['protection', 'youth'],
      footer: true,
    },
    {
      id: 'tw-0800013999',
      name: { 'zh-TW': '男性關懷專線', en: 'Men’s care line' },
      dial: '0800-013-999',
      hours: {
        always: false,
        text: { 'zh-TW': '每天 9:00–23:00', en: 'Daily 9:00–23:00' },
      },
      purpose: {
        'zh-TW': '給男性的情緒、關係與家庭困擾支持，免付費。',
        en: 'Free support for men with emotional, relationship or family difficulties.',
      },
      kinds: ['support'],
      footer: false,
    },
    {
      id: 'tw-110',
      name: { 'zh-TW': '警察', en: 'Police' },
      dial: '110',
      hours: { always: true },
      purpose: {
        'zh-TW': '人身安全受到威脅時。要不要打，由你決定；微光不會替你撥打。',
        en: 'When your physical safety is threatened. Whether to call is your choice; Lamplight never calls for you.',
      },
      kinds: ['emergency'],
      footer: true,
    },
    {
      id: 'tw-119',
      name: { 'zh-TW': '消防與救護車', en: 'Fire and ambulance' },
      dial: '119',
      hours: { always: true },
      purpose: {
        'zh-TW': '受傷、服藥過量或有生命危險時。要不要打，由你決定；微光不會替你撥打。',
        en: 'Injury, overdose or danger to life. Whether to call is your choice; Lamplight never calls for you.',
      },
      kinds: ['emergency'],
      footer: true,
    },
    {
      id: 'tw-laf',
      name: { 'zh-TW': '法律扶助基金會', en: 'Legal Aid Foundation' },
      dial: '412-8518',
      hours: {
        always: false,
        text: {
          'zh-TW': '上班日上班時間（手機請撥 02-412-8518）',
          en: 'Working days, office hours (from a mobile dial 02-412-8518)',
        },
      },
      purpose: {
        'zh-TW': '經濟上有困難時的免費法律諮詢與律師協助，例如罰單、債務、被威脅。',
        en: 'Free legal advice and lawyers for people who cannot afford one: fines, debts, threats.',
      },
      kinds: ['legal'],
      footer: false,
    },
    {
      id: 'tw-coswas',
      name: { 'zh-TW': '日日春關懷互助協會', en: 'COSWAS (Collective of Sex Workers and Supporters)' },
      hours: {
        always: false,
        text: { 'zh-TW': '請先查看協會公布的服務時間', en: 'See the association’s published opening hours' },
      },
      purpose: {
        'zh-TW': '性工作者自己的組織：互助、陪同、權益倡議，不評判。',
        en: 'Sex workers’ own organisation: mutual aid, accompaniment and rights work, without judgement.',
      },
      kinds: ['community', 'legal'],
      footer: false,
    },
  ],
};
