import { readFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { tmpdir } from 'node:os';
import { dumpAllRows, openDatabase } from '@lamplight/storage';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import {
  addDiaryEntry,
  heading,
  join,
  openSession,
  openTool,
  restore,
  seriousA11yViolations,
  unlock,
  type Session,
} from './toolkit-helpers.js';

/**
 * Issue 6 in real Chromium against the built server: the private toolkit
 * keeps its records in the sealed vault through lock and unlock, syncs
 * between two devices of one member as ciphertext only, round-trips an
 * encrypted backup, works offline, and passes axe in both languages.
 */

let server: RunningServer;
let browser: Browser;
let origin: string;
const sessions: Session[] = [];

const NAME = 'Willow Lamp';
const PASS = 'jasmine tea at noon';
const NOTE_ONE = 'rain at the bus stop 7731';
const NOTE_TWO = '雨停了 quiet walk 4419';
const SITUATION = 'missed call from landlord 5582';
const SYNC_NOTE = 'second phone note 9034';
const BACKUP_PASS = 'lemon cake recipe';
const SHEET = 'Sisters sheet';

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

async function session(): Promise<Session> {
  const s = await openSession(browser, origin);
  sessions.push(s);
  return s;
}

describe('the private toolkit', () => {
  let phone: Session;
  let phrase = '';

  it('diary and thought records stay listed through lock and unlock', async () => {
    phone = await session();
    const { page } = phone;
    phrase = await join(page, server.stewardInvitation!.replace(/^https?:\/\/[^/]+/u, origin), NAME, PASS);

    await openTool(page, 'Diary');
    // Saving without a feeling asks for one and saves nothing.
    await page.getByRole('button', { name: 'New entry', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Pick at least one feeling.').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    await addDiaryEntry(page, 'Anxious', 7, NOTE_ONE);
    await addDiaryEntry(page, 'Calm', 3, NOTE_TWO);
    // The trend has its table alternative.
    await page.getByRole('table', { name: /Intensity of feelings, last eight weeks: data table/u }).waitFor();
    // A day in the calendar narrows the list to that day.
    const today = page.getByRole('button', { name: /: 2 entries$/u });
    await today.click();
    await expect.poll(() => today.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(/^Showing only /u).waitFor();
    await page.getByRole('button', { name: 'Show all' }).click();

    await openTool(page, 'Thought record');
    await page.getByRole('button', { name: 'New thought record' }).click();
    await page.getByRole('textbox', { name: 'What happened', exact: true }).fill(SITUATION);
    await page.getByRole('textbox', { name: 'The thought that came up', exact: true }).fill('they will throw me out');
    await page.getByRole('checkbox', { name: 'Scared', exact: true }).check();
    await page.getByRole('slider', { name: 'Intensity before', exact: true }).fill('8');
    await page.getByRole('textbox', { name: 'A more balanced thought', exact: true }).fill('it may be about the water bill');
    await page.getByRole('slider', { name: 'Intensity after', exact: true }).fill('4');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(SITUATION).waitFor();
    await page.getByText('Intensity 8 → 4').waitFor();

    // The member's own sheet: saved, exported, deleted, imported again, and offered on a new record.
    await page.getByRole('textbox', { name: 'Sheet name', exact: true }).fill(SHEET);
    await page.getByRole('textbox', { name: 'Question for “What happened” (empty uses the default)' }).fill('Where were you, who was there?');
    await page.getByRole('button', { name: 'Save sheet' }).click();
    await page.getByRole('heading', { name: SHEET }).waitFor();
    const [sheets] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sheets' }).click()]);
    const sheetsFile = joinPath(tmpdir(), `toolkit-sheets-${Date.now()}.json`);
    await sheets.saveAs(sheetsFile);
    expect(await readFile(sheetsFile, 'utf8')).toContain('Where were you, who was there?');
    await page.getByRole('button', { name: `Delete the sheet “${SHEET}”` }).click();
    await page.getByText('No sheets of your own yet.').waitFor();
    await page.getByLabel('Import a sheets file', { exact: true }).setInputFiles(sheetsFile);
    await page.getByText('Imported 1 sheets.').waitFor();
    await page.getByRole('button', { name: 'New thought record' }).click();
    await page.getByRole('combobox', { name: 'Sheet to use' }).selectOption({ label: SHEET });
    await page.getByText('Where were you, who was there?').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    // A reload locks the vault.
    await page.goto(`${origin}/toolkit/diary`);
    await unlock(page, PASS);
    await heading(page, 'Diary').waitFor();
    await page.getByRole('listitem').filter({ hasText: NOTE_ONE }).waitFor();
    await page.getByRole('listitem').filter({ hasText: NOTE_TWO }).waitFor();
    await openTool(page, 'Thought record');
    await page.getByText(SITUATION).waitFor();
    expect(phone.problems).toEqual([]);
  });

  it('an encrypted backup downloads as ciphertext, and imports back after delete-all', async () => {
    const { page } = phone;
    await openTool(page, 'My data');
    await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASS);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download encrypted backup' }).click()]);
    const file = joinPath(tmpdir(), `toolkit-backup-${Date.now()}.json`);
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'lamplight-toolkit-backup', version: 1 });
    for (const plain of [NOTE_ONE, '7731', '4419', SITUATION, 'landlord', 'toolkit.diary']) expect(text).not.toContain(plain);

    await page.getByRole('button', { name: 'Delete all toolkit records' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('Everything is deleted.').waitFor();
    await openTool(page, 'Diary');
    await page.getByText('Nothing here yet.').waitFor();
    expect(await page.getByText(NOTE_ONE).count()).toBe(0);

    await openTool(page, 'My data');
    await page.getByLabel('Backup file', { exact: true }).setInputFiles(file);
    await page.getByLabel('Backup passphrase', { exact: true }).fill('not the right one');
    await page.getByRole('button', { name: 'Import backup' }).click();
    await page.getByText('The backup passphrase is wrong, or the file is not a backup.').waitFor();
    await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASS);
    await page.getByRole('button', { name: 'Import backup' }).click();
    await page.getByText('Imported. There are now 4 items.').waitFor();
    await openTool(page, 'Diary');
    await page.getByRole('listitem').filter({ hasText: NOTE_ONE }).waitFor();
    await openTool(page, 'Thought record');
    await page.getByText(SITUATION).waitFor();
  });

  it('syncs between two devices of the same member, leaving only ciphertext on the server', async () => {
    const { page } = phone;
    await openTool(page, 'My data');
    await page.getByRole('button', { name: 'Turn on sync and sync now' }).click();
    await page.getByText('Synced: 4 items.').waitFor();

    const second = await session();
    await restore(second.page, origin, phrase, 'second phone passphrase', NAME);
    await openTool(second.page, 'My data');
    await second.page.getByRole('button', { name: 'Turn on sync and sync now' }).click();
    await second.page.getByText('Synced: 4 items.').waitFor();
    await openTool(second.page, 'Diary');
    await second.page.getByRole('listitem').filter({ hasText: NOTE_ONE }).waitFor();
    await addDiaryEntry(second.page, 'Tired', 5, SYNC_NOTE);
    await openTool(second.page, 'My data');
    await second.page.getByRole('button', { name: 'Sync now' }).click();
    await second.page.getByText('Synced: 5 items.').waitFor();

    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Synced: 5 items.').waitFor();
    await openTool(page, 'Diary');
    await page.getByRole('listitem').filter({ hasText: SYNC_NOTE }).waitFor();

    const db = openDatabase({ kind: 'sqlite', dataDir: server.dataDir });
    try {
      const dump = await dumpAllRows(db);
      expect(dump).toContain(NAME);
      for (const plain of [NOTE_ONE, NOTE_TWO, SYNC_NOTE, SITUATION, '7731', '9034', 'landlord', 'toolkit.diary', 'Anxious', 'anxious']) {
        expect(dump).not.toContain(plain);
      }
    } finally {
      await db.close();
    }
    expect(second.problems).toEqual([]);
  });

  it('self-checks score on the device: PHQ-9 item 9 offers the plan and the night watch; an imminent screen hands off', async () => {
    const { page } = phone;
    await openTool(page, 'Self-check');
    await page.getByRole('button', { name: /^Start “.*PHQ-9/u }).click();
    const groups = page.getByRole('group');
    const count = await groups.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      await groups.nth(i).getByRole('radio', { name: i === 8 ? 'Several days' : 'Not at all' }).check();
    }
    await page.getByRole('button', { name: 'See the result' }).click();
    await page.getByText('Score: 1 of 27').waitFor();
    await page.getByText(/not a diagnosis/u).first().waitFor();
    await page.getByRole('button', { name: 'Open my safety plan' }).waitFor();
    await page.getByRole('button', { name: 'Ask the night watch to be with me' }).click();
    await page.getByText('The night watch has been asked.').waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('table', { name: /Past results of “.*PHQ-9/u }).waitFor();

    await page.getByRole('button', { name: /^Start “.*C-SSRS/u }).click();
    const answer = async (question: number, value: 'Yes' | 'No'): Promise<void> => {
      await page.getByRole('group', { name: new RegExp(`^${question}\\.`, 'u') }).getByRole('radio', { name: value, exact: true }).check();
    };
    await answer(1, 'Yes');
    await answer(2, 'Yes');
    await answer(3, 'Yes');
    await answer(4, 'Yes');
    await answer(5, 'No');
    await answer(6, 'No');
    await page.getByRole('button', { name: 'See the result' }).click();
    await heading(page, 'Help now').waitFor();
  });

  it('works offline after the first load: reload, unlock, a diary entry and the breathing guide', async () => {
    const { page, context } = phone;
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await expect.poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);
    await openTool(page, 'Diary');
    await context.setOffline(true);
    try {
      await page.reload();
      await unlock(page, PASS);
      await heading(page, 'Diary').waitFor();
      await page.getByRole('listitem').filter({ hasText: NOTE_ONE }).waitFor();
      await addDiaryEntry(page, 'Lonely', 6, 'offline entry 6120');
      await openTool(page, 'Breathing');
      await page.getByRole('radio', { name: '4-7-8 breathing' }).check();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Breathe in' }).waitFor();
      await page.locator('.toolkit-breath-circle').waitFor();
      await expect.poll(() => page.evaluate<string>("getComputedStyle(document.querySelector('.toolkit-breath-circle')).transitionDuration")).toBe('4s');
      // Asked for less motion, the circle stays still and the words guide alone.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await expect.poll(() => page.evaluate<string>("getComputedStyle(document.querySelector('.toolkit-breath-circle')).transform")).toBe('none');
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await openTool(page, 'Grounding');
      await page.getByText('Name 5 things you can see').waitFor();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText('Name 4 things you can touch').waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it('a reminder picked for a time shows a neutral banner while the app is open', async () => {
    const { page } = phone;
    await openTool(page, 'My data');
    // Two minutes from now, in the browser's own time zone.
    const at = await page.evaluate<string>(
      "(() => { const d = new Date(Date.now() + 120000); return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0'); })()",
    );
    await page.getByLabel('Reminder time', { exact: true }).fill(at);
    await page.getByRole('button', { name: 'Add reminder' }).click();
    await page.getByRole('button', { name: `Remove the ${at} reminder` }).waitFor();
    await page.clock.install();
    await page.reload();
    await unlock(page, PASS);
    await heading(page, 'My data').waitFor();
    expect(await page.getByText('Time for your note').count()).toBe(0);
    // Past the reminder, and short of the five-minute idle lock.
    await page.clock.fastForward('02:30');
    await page.getByRole('status').filter({ hasText: 'Time for your note' }).waitFor();
    await page.getByRole('button', { name: 'Got it' }).click();
    await page.getByRole('button', { name: `Remove the ${at} reminder` }).click();
    await page.getByText('No reminders yet.').waitFor();
  });

  it('axe finds no serious or critical problem on any toolkit screen, in English and in Chinese', async () => {
    const { page } = phone;
    const found: string[] = [];
    const screens = ['Diary', 'Thought record', 'Breathing', 'Grounding', 'Self-check', 'My data'] as const;
    for (const lang of ['en', 'zh-TW'] as const) {
      if (lang === 'zh-TW') {
        await page.getByRole('button', { name: '中文' }).click();
        await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe('zh-Hant-TW');
      }
      const menu = page.locator('.toolkit-nav a');
      await page.locator('.space-nav a[href="/toolkit"]').click();
      await page.locator('h1').waitFor();
      found.push(...(await seriousA11yViolations(page)).map((v) => `${lang} toolkit: ${v}`));
      for (let i = 0; i < screens.length; i++) {
        await menu.nth(i).click();
        await expect.poll(() => menu.nth(i).getAttribute('aria-current')).toBe('page');
        // Open the forms too, so their fields are checked.
        if (i === 0 || i === 1) await page.locator('main button.button').first().click();
        if (i === 4) await page.locator('main button.button').nth(1).click();
        found.push(...(await seriousA11yViolations(page)).map((v) => `${lang} ${screens[i]}: ${v}`));
        await page.emulateMedia({ colorScheme: 'dark' });
        found.push(...(await seriousA11yViolations(page)).map((v) => `${lang} ${screens[i]} (dark): ${v}`));
        await page.emulateMedia({ colorScheme: 'light' });
      }
      // The printable summary, made on the device.
      await page.locator('main button.toolkit-open-print').click();
      await page.locator('.toolkit-print').waitFor();
      found.push(...(await seriousA11yViolations(page)).map((v) => `${lang} printout: ${v}`));
      await page.locator('.toolkit-print button.button-quiet').click();
    }
    expect(found).toEqual([]);
    expect(phone.problems).toEqual([]);
  });
});
