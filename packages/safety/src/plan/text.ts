import type { DirectoryLocale } from '../directory/index.js';
import type { SafetyPlan, SafetyPlanItem } from './model.js';
import { SAFETY_PLAN_SECTIONS, type PlanText } from './sections.js';

const HEADING: PlanText = { 'zh-TW': '我的安全計畫', en: 'My safety plan' };
const NOTHING_YET: PlanText = { 'zh-TW': '（還沒寫）', en: '(nothing yet)' };
const ALL_DAY: PlanText = { 'zh-TW': '（24 小時）', en: ' (24 hours)' };

function itemLine(item: SafetyPlanItem, locale: DirectoryLocale): string {
  if (item.kind === 'text') return item.text;
  const dial = item.dial === undefined ? '' : ` ${item.dial}`;
  return `${item.name[locale]}${dial}${item.allDay && item.dial !== undefined ? ALL_DAY[locale] : ''}`;
}

/**
 * The plan as plain text, for the member to share with a responder they
 * choose: a heading, then each step numbered in order with its items.
 */
export function safetyPlanToText(plan: SafetyPlan, locale: DirectoryLocale): string {
  const lines = [HEADING[locale]];
  SAFETY_PLAN_SECTIONS.forEach((section, i) => {
    lines.push('', `${i + 1}. ${section.title[locale]}`);
    const items = plan.sections[section.id];
    if (items.length === 0) lines.push(`   ${NOTHING_YET[locale]}`);
    for (const item of items) lines.push(`   • ${itemLine(item, locale)}`);
  });
  return lines.join('\n');
}
