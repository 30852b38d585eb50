import type { Catalog } from '../catalog.js';

/** The English catalog. It must have exactly the keys of the zh-TW source. */
export const en = {
  app: {
    name: 'Lamplight',
    neutralName: 'Notes',
    tagline: 'An anonymous peer-support space',
  },
  disclaimer: {
    statement: 'Peer support, not counselling, medical care or emergency rescue.',
    neverReports: 'Lamplight never calls the police or tells anyone about you. Whether to call, and whom, is your choice.',
  },
  quickExit: {
    label: 'Quick exit',
    keysHint: 'Press Shift three times or Esc twice to leave at once.',
  },
  header: {
    helpNow: 'Help now',
    home: 'Lamplight home',
    switchLanguage: '中文',
    primaryNav: 'Main menu',
  },
  footer: {
    title: 'Need someone to listen? You can call these lines',
    allDay: '24 hours',
    call: 'Call {{number}}',
  },
  nav: {
    welcome: 'Home',
    circles: 'Circles',
    toolkit: 'Self-help practice',
    invitations: 'Invitations',
    safetyPlan: 'My safety plan',
    help: 'Help now',
    settings: 'Settings',
  },
  welcome: {
    title: 'Welcome to Lamplight',
    intro:
      'An anonymous space where people who share your path keep each other company. No real names, no phone numbers; what you write is encrypted on your phone first.',
    invitationTitle: 'Have an invitation link?',
    invitationHint:
      'You can join Lamplight by invitation only. Open the invitation link someone sent you and it will bring you to the joining page.',
    returningTitle: 'Used it on this phone before?',
    unlock: 'Unlock my space',
    helpTitle: 'Having a hard time right now?',
    helpHint: 'You do not have to wait for anyone. The hotlines and your safety plan are always here.',
    quickExitHint: 'If someone comes near, press “Quick exit” and the screen turns into an ordinary web page at once.',
  },
  help: {
    title: 'Help now',
    intro:
      'If things are hard right now, you can call any of the numbers below. You do not need to know what to say: “I am having a hard time” is enough.',
    linesTitle: 'Numbers you can call',
    alwaysOpen_one: '{{count}} line is answered 24 hours a day.',
    alwaysOpen_other: '{{count}} lines are answered 24 hours a day.',
    safetyPlanTitle: 'My safety plan',
    safetyPlanHint: 'What you wrote down ahead of time: warning signs, things you can do alone, people you can reach.',
    openSafetyPlan: 'Open my safety plan',
  },
  join: {
    title: 'Join Lamplight',
    hasInvitation: 'We have your invitation link. The joining steps will be here soon.',
    noInvitation: 'This link has no invitation code in it. Please open the full invitation link you were sent again.',
  },
  unlock: {
    title: 'Unlock my space',
  },
  circles: {
    title: 'My circles',
  },
  toolkit: {
    title: 'Self-help practice',
  },
  invitations: {
    title: 'Invitations',
  },
  safetyPlan: {
    title: 'My safety plan',
  },
  settings: {
    title: 'Settings',
    languageTitle: 'Language',
    neutralTitle: 'A name that does not stand out',
    neutralLabel: 'Show the tab title and installed name as “Notes”',
    neutralHint:
      'When this is on, the browser tab and any new home-screen shortcut show “Notes” with a plain icon. A shortcut you already installed keeps its old name until you remove it and add it again.',
  },
  placeholder: {
    comingSoon: 'This page is still being prepared.',
    backHome: 'Back to the home page',
  },
  notFound: {
    title: 'This page could not be found',
  },
} as const satisfies Catalog;
