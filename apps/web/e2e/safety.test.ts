import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { expectNoProblems, heading, invite, join, openSession, seriousA11yViolations, telLinks, unlock, type Session } from './safety-helpers.js';

/**
 * Issue 5 in real Chromium against the built server: the hand-off when
 * nobody is on watch, a request reaching an on-shift night-watcher in another
 * browser, the safety plan in the vault, and accessibility of the screens.
 */

let server: RunningServer;
let browser: Browser;
let origin: string;
const sessions: Session[] = [];

const STEWARD = 'Lantern Keeper';
const WATCHER = 'Night Owl';
const STEWARD_PASS = 'amber lamp at dusk';
const WATCHER_PASS = 'owl on the roof';

beforeAll(async () => {
  server = await startServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function session(locale?: string): Promise<Session> {
  const s = await openSession(browser, origin, locale);
  sessions.push(s);
  return s;
}

describe('safety: hand-off, night watch, safety plan', () => {
  let member: Session;
  let watcher: Session;

  it('with nobody on duty, asking the night watch shows the hand-off at once: lines to call and what to say', async () => {
    member = await session();
    await join(member.page, server.stewardInvitation!.replace(/^https?:\/\/[^/]+/u, origin), STEWARD, STEWARD_PASS);
    const { page } = member;
    await page.getByRole('banner').getByRole('link', { name: 'Talk to the night watch now' }).click();
    await heading(page, 'Talk to the night watch now').waitFor();
    await page.getByRole('status').filter({ hasText: 'Nobody is on watch right now.' }).waitFor();
    await page.getByRole('radio', { name: 'I’m having a hard time and would like someone to talk to' }).check();
    await page.getByRole('button', { name: 'Ask the night watch' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nobody is on watch right now' }).waitFor();
    const tel = await telLinks(page);
    for (const n of ['tel:1925', 'tel:1995', 'tel:1980', 'tel:113']) expect(tel).toContain(n);
    await page.getByText('You can say: “I’m having a really hard time and I want to talk to someone.”').waitFor();
    await page.getByRole('button', { name: 'Cancel my request' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your request is cancelled' }).waitFor();
    expectNoProblems(member);
  });

  it('the help screen has the script, the steps for right now, and says calling 110/119 is the member’s own choice', async () => {
    const { page } = member;
    await page.getByRole('link', { name: 'Help now' }).first().click();
    await heading(page, 'Help now').waitFor();
    await page.getByText('Lamplight never calls the police or an ambulance for anyone.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'How to say where you are' }).waitFor();
    await page.getByRole('heading', { name: 'What you can do right now' }).waitFor();
    await page.getByText(/report it within 24 hours/u).waitFor();
    expect(await telLinks(page)).toEqual(expect.arrayContaining(['tel:1925', 'tel:110', 'tel:119']));
  });

  it('a member who writes they are under 18 is shown the youth and protection line', async () => {
    const { page } = member;
    await page.getByRole('banner').getByRole('link', { name: 'Talk to the night watch now' }).click();
    await page.getByRole('textbox', { name: 'If you want to write something down first (stays on this phone)' }).fill('I’m 16 and I can’t sleep');
    await page.getByRole('heading', { name: 'If you are under 18' }).waitFor();
    await page.getByRole('link', { name: 'Help now' }).first().click();
    await page.getByRole('heading', { name: 'If you are under 18' }).waitFor();
  });

  it('a request reaches an on-shift night-watcher in another browser, who accepts, and the two talk in an end-to-end encrypted circle of two', async () => {
    const link = await invite(member.page);
    watcher = await session();
    await join(watcher.page, link, WATCHER, WATCHER_PASS);

    // Before any role, the watcher's screen says this is not for them yet.
    await watcher.page.getByRole('banner').getByRole('link', { name: 'Night watch shifts' }).click();
    await heading(watcher.page, 'Night watch').waitFor();
    await watcher.page.getByText('This is for night-watchers and professional volunteers.', { exact: false }).waitFor();

    // The steward makes them a night-watcher.
    const s = member.page;
    await s.getByRole('banner').getByRole('link', { name: 'Night watch shifts' }).click();
    await s.getByRole('link', { name: 'Manage the night watch' }).click();
    await heading(s, 'Manage the night watch').waitFor();
    await s.getByRole('combobox', { name: `Role of ${WATCHER}` }).selectOption('night-watcher');
    await s.getByRole('button', { name: `Save ${WATCHER}` }).click();
    await s.getByText(`Saved for ${WATCHER}.`).waitFor();
    // The steward sees who keeps watch, from the server: role, shift, caseload; and can go to their settings from there.
    const team = s.getByRole('region', { name: 'Who keeps watch' });
    const row = team.getByRole('row').filter({ hasText: WATCHER });
    await row.filter({ hasText: 'Night-watcher' }).filter({ hasText: 'Off shift' }).filter({ hasText: '0 of 2' }).waitFor();
    await row.getByRole('button', { name: `Change ${WATCHER}` }).click();
    const roleField = s.getByRole('combobox', { name: `Role of ${WATCHER}` });
    expect(await s.evaluate<string>('document.activeElement?.id ?? ""')).toBe(await roleField.getAttribute('id'));
    expect(await roleField.inputValue()).toBe('night-watcher');
    // The regional directory can be edited and is checked against its schema (kept on the steward's phone for now).
    const directory = s.getByRole('region', { name: 'Regional line directory' });
    await directory.getByRole('button', { name: 'Add a line' }).click();
    await directory.getByRole('button', { name: 'Check and keep on this phone' }).click();
    await directory.getByText('A few things to fix:').waitFor();
    await directory.getByRole('button', { name: 'Remove “New line”' }).click();
    await directory.getByRole('button', { name: 'Check and keep on this phone' }).click();
    await directory.getByText('Checked, and kept on this phone.').waitFor();
    expect(await seriousA11yViolations(s), 'watch admin en').toEqual([]);

    // Off shift nothing reaches them; a shift covering now puts them on.
    const w = watcher.page;
    await w.getByRole('banner').getByRole('link', { name: 'Talk to the night watch now' }).click();
    await w.getByRole('banner').getByRole('link', { name: 'Night watch shifts' }).click();
    await heading(w, 'Night watch').waitFor();
    await w.getByRole('status').filter({ hasText: 'You’re off shift. Nothing will reach you.' }).waitFor();
    await w.getByRole('button', { name: 'Add shift' }).click();
    await w.getByRole('status').filter({ hasText: 'You are on shift.' }).waitFor();
    await w.getByText('Nobody is waiting right now.').waitFor();

    // The member asks; the status line now counts someone on watch.
    await s.getByRole('banner').getByRole('link', { name: 'Talk to the night watch now' }).click();
    await heading(s, 'Talk to the night watch now').waitFor();
    await s.getByRole('status').filter({ hasText: '1 night-watcher is on watch now.' }).waitFor();
    await s.getByRole('radio', { name: 'I might hurt myself right now' }).check();
    await s.getByRole('button', { name: 'Ask the night watch' }).click();
    await s.getByRole('heading', { level: 2, name: 'The night watch knows you asked' }).waitFor();
    expect(await telLinks(s)).toContain('tel:1925');

    // The watcher sees tier and waiting time, never who it is, and accepts.
    await w.getByText('Might hurt themself right now').waitFor();
    await w.getByText(/^Waiting \d+ minutes?$/u).waitFor();
    expect(await w.locator('main').innerText()).not.toContain(STEWARD);
    await w.getByRole('button', { name: 'Accept this request' }).click();
    await w.getByText('You are with this member.').waitFor();

    await s.getByRole('heading', { level: 2, name: 'A night-watcher is with you' }).waitFor({ timeout: 15_000 });
    expect(await s.locator('main').innerText()).not.toContain(WATCHER);

    // Accepting opens a two-person end-to-end encrypted conversation: an MLS circle of two.
    await w.getByRole('button', { name: 'Open the private conversation' }).click();
    await w.getByText('The private conversation is open, in Circles.').waitFor({ timeout: 45_000 });
    const chat = async (page: typeof w): Promise<void> => {
      await page.getByRole('link', { name: 'Circles', exact: true }).first().click();
      await page.getByRole('main').getByRole('link', { name: 'Night watch', exact: true }).click({ timeout: 45_000 });
    };
    await chat(w);
    await chat(s);
    const said = 'Thank you for staying with me tonight.';
    await s.getByRole('textbox', { name: 'Message', exact: true }).fill(said);
    await s.getByRole('button', { name: 'Send', exact: true }).click();
    // A draft that sounds like crisis may be checked first; the member can always send.
    const anyway = s.getByRole('button', { name: 'Send anyway' });
    if (await anyway.isVisible().catch(() => false)) await anyway.click();
    await w.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: said }).waitFor({ timeout: 45_000 });
    const reply = 'I am here. Take your time.';
    await w.getByRole('textbox', { name: 'Message', exact: true }).fill(reply);
    await w.getByRole('button', { name: 'Send', exact: true }).click();
    await s.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: reply }).waitFor({ timeout: 45_000 });

    // The member shares their safety plan in the conversation: shown in full first, then sent end-to-end encrypted.
    expect(await w.getByRole('button', { name: 'Share my safety plan' }).count()).toBe(0);
    await s.getByRole('button', { name: 'Share my safety plan' }).click();
    const confirm = s.getByRole('dialog', { name: 'What will be sent' });
    const planText = await confirm.getByRole('textbox', { name: 'Safety plan text' }).inputValue();
    expect(planText).toContain('My safety plan');
    expect(planText).toContain('What I live for');
    // (Only the sharing part: the chat's day separators inside the message list are the circles feature's.)
    const shareA11y = await new AxeBuilder({ page: s }).include('.plan-share-chat').analyze();
    expect(shareA11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), 'share plan confirmation').toEqual([]);
    await confirm.getByRole('button', { name: 'Send my safety plan' }).click();
    await s.getByRole('status').filter({ hasText: 'Sent. They can read it now.' }).waitFor();
    const shared = w.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'My safety plan' });
    await shared.filter({ hasText: 'What I live for' }).waitFor({ timeout: 45_000 });
    expect(await shared.innerText()).toContain('1925');
    // Back to where each of them was: the watcher's queue, the member's request.
    await w.getByRole('banner').getByRole('link', { name: 'Night watch shifts' }).click();
    await w.getByText('You are with this member.').waitFor();
    await s.getByRole('banner').getByRole('link', { name: 'Talk to the night watch now' }).click();
    await s.getByRole('heading', { level: 2, name: 'A night-watcher is with you' }).waitFor({ timeout: 15_000 });
    expectNoProblems(member);
    expectNoProblems(watcher);
  });

  it('after closing an imminent request the watcher gets a cool-down and a debrief kept in their own vault; the member is asked about tomorrow', async () => {
    const w = watcher.page;
    await w.getByRole('button', { name: 'Close this request' }).click();
    await w.getByRole('heading', { name: 'Debrief' }).waitFor();
    await w.getByText(/You have just finished a hard conversation/u).waitFor();
    await w.getByRole('textbox', { name: 'What I felt' }).fill('Tired, and glad they stayed.');
    await w.getByRole('radio', { name: 'Theirs' }).check();
    await w.getByRole('button', { name: 'Save debrief' }).click();
    await w.getByText('Saved. Thank you for keeping watch tonight.').waitFor();
    await w.getByText('You have written 1 debrief.').waitFor();

    const s = member.page;
    await s.getByRole('heading', { level: 2, name: 'This time together has ended' }).waitFor({ timeout: 15_000 });
    await s.getByRole('button', { name: 'Yes, remind me tomorrow' }).click();
    await s.getByText('Okay. You will see a reminder when you open Lamplight tomorrow.').waitFor();
    expectNoProblems(watcher);
  });

  it('the safety plan shows the directory’s lines, keeps the member’s words, and survives lock and unlock', async () => {
    const { page } = member;
    await page.getByRole('link', { name: 'My safety plan' }).first().click();
    await heading(page, 'My safety plan').waitFor();
    const professionals = page.getByRole('region', { name: 'Helplines, professionals and agencies' });
    await professionals.getByRole('link', { name: 'Call 1925' }).waitFor();
    expect(await telLinks(page)).toEqual(expect.arrayContaining(['tel:1925', 'tel:1995', 'tel:113']));

    const reasons = page.getByRole('region', { name: 'What I live for' });
    await reasons.getByRole('textbox', { name: 'Add to “What I live for”' }).fill('My cat, Mochi');
    await reasons.getByRole('button', { name: 'Add', exact: true }).click();
    await reasons.getByText('My cat, Mochi').waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByText('Your safety plan is kept in your encrypted space.', { exact: false }).waitFor();
    expect(await page.getByText('My cat, Mochi').count()).toBe(0);
    // Locked, the lines are still one tap away.
    expect(await telLinks(page)).toContain('tel:1925');

    await page.reload();
    await page.getByRole('link', { name: 'Unlock my space' }).click();
    await unlock(page, STEWARD_PASS);
    await page.getByText(`Welcome back, ${STEWARD}.`).waitFor();
    await page.getByRole('link', { name: 'My safety plan' }).first().click();
    await page.getByRole('region', { name: 'What I live for' }).getByText('My cat, Mochi').waitFor();
    await page.getByRole('region', { name: 'Helplines, professionals and agencies' }).getByRole('link', { name: 'Call 1925' }).waitFor();

    // The help screen shows the member's own words once unlocked.
    await page.getByRole('link', { name: 'Help now' }).first().click();
    await page.getByRole('heading', { name: 'What you wrote for yourself' }).waitFor();
    await page.getByText('My cat, Mochi').waitFor();
    expectNoProblems(member);
  });

  it('has no serious or critical accessibility problems on /help, /safety-plan and /watch, in English and zh-TW', async () => {
    const { page } = member;
    const screens = [
      ['Help now', '現在就需要幫忙', 'help'],
      ['My safety plan', '我的安全計畫', 'safetyPlan'],
      ['Night watch', '守夜', 'watch'],
    ] as const;
    const visit = async (name: string, title: string): Promise<void> => {
      if (name === 'watch') await page.getByRole('banner').getByRole('link', { name: /^(Night watch shifts|守夜班表)$/u }).click();
      else if (name === 'help') await page.getByRole('link', { name: /^(Help now|現在就需要幫忙)$/u }).first().click();
      else await page.getByRole('link', { name: /^(My safety plan|我的安全計畫)$/u }).first().click();
      await heading(page, title).waitFor();
    };
    for (const [en, , name] of screens) {
      await visit(name, en);
      expect(await seriousA11yViolations(page), `${name} en`).toEqual([]);
    }
    await page.getByRole('button', { name: '中文' }).click();
    for (const [, zh, name] of screens) {
      await visit(name, zh);
      expect(await seriousA11yViolations(page), `${name} zh-TW`).toEqual([]);
    }
    await page.getByRole('banner').getByRole('link', { name: '現在找守夜夥伴' }).click();
    await heading(page, '現在找守夜夥伴').waitFor();
    expect(await seriousA11yViolations(page), 'nightWatch zh-TW').toEqual([]);
    expectNoProblems(member);
  });
});
