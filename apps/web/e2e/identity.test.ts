import { AxeBuilder } from '@axe-core/playwright';
import { dumpAllRows, openDatabase } from '@lamplight/storage';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startAppServer, type RunningServer } from './harness.js';

/**
 * Issue 3 in real Chromium against the built server: joining by invitation,
 * the recovery phrase, the locked vault, the second passphrase, quick exit,
 * restoring on a new device, and what the server and IndexedDB end up holding.
 *
 * Password inputs have no textbox role in Chromium's accessibility tree, so
 * they are found by their exact label.
 */

let server: RunningServer;
let browser: Browser;
let origin: string;

const STEWARD = 'Lantern Keeper';
const MEMBER = 'Quiet Fern';
const STEWARD_PASS = 'amber lamp at dusk';
const MEMBER_PASS = 'fern by the window';
const SECOND_PASS = 'soup recipes for two';

/** Everything secret the test saw, to look for later where it must not be. */
const secrets: string[] = [];
const userAgents: string[] = [];

type Session = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  /** Paths this session's pages requested on the app's origin. */
  readonly paths: string[];
};
const sessions: Session[] = [];

beforeAll(async () => {
  server = await startAppServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A fresh context (English unless told): nothing stored, no history; CSP violations and page errors recorded. */
async function openSession(locale = 'en-US', fakeClock = false): Promise<Session> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  if (fakeClock) await context.clock.install();
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
  );
  const paths: string[] = [];
  context.on('request', (r) => paths.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/iu.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  userAgents.push(await page.evaluate<string>('navigator.userAgent'));
  const session = { context, page, problems, paths };
  sessions.push(session);
  return session;
}

/** Serious and critical axe findings on the current screen. */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const passphrase = (page: Page) => page.getByLabel('Passphrase', { exact: true });

/** Read the phrase shown after joining, pass the word check, and finish. */
async function confirmPhrase(page: Page): Promise<string[]> {
  await heading(page, 'Your recovery phrase').waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  const words = (await page.locator('ol.phrase li').allTextContents()).map((w) => w.trim());
  expect(words).toHaveLength(12);
  const labels = await page.locator('label').filter({ hasText: /^Word \d+$/u }).allTextContents();
  const positions = labels.map((l) => Number(l.replace('Word ', '')));
  expect(positions).toHaveLength(2);

  // A wrong word first: the way on does not appear.
  await page.getByRole('textbox', { name: `Word ${positions[0]}`, exact: true }).fill('lantern');
  await page.getByRole('textbox', { name: `Word ${positions[1]}`, exact: true }).fill(words[positions[1]! - 1]!);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByText('One of the words is different').waitFor();
  expect(await page.getByRole('button', { name: 'I have saved my recovery phrase' }).count()).toBe(0);

  await page.getByRole('textbox', { name: `Word ${positions[0]}`, exact: true }).fill(words[positions[0]! - 1]!);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'I have saved my recovery phrase' }).click();
  await heading(page, 'My space').waitFor();
  return words;
}

/** Join through an invitation link; returns the recovery phrase's words. */
async function join(page: Page, link: string, pseudonym: string, pass: string): Promise<string[]> {
  secrets.push(new URL(link).hash.slice(1));
  await page.goto(link);
  await heading(page, 'Join Lamplight').waitFor();
  // The secret leaves the address bar at once.
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).pathname).toBe('/join');

  await page.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill('0912 345 678');
  await page.getByRole('checkbox', { name: 'I am 18 or older' }).check();
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await passphrase(page).fill(pass);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  // A phone number as a pseudonym is refused before anything is sent.
  await page.getByText('looks like a phone number').waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill(pseudonym);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  const words = await confirmPhrase(page);
  await page.getByText(`Welcome back, ${pseudonym}.`).waitFor();
  return words;
}

async function unlock(page: Page, pass: string): Promise<void> {
  await heading(page, 'Unlock my space').waitFor();
  await passphrase(page).fill(pass);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

describe('identity, invitations and the locked vault', () => {
  let steward: Session;
  let member: Session;
  let stewardWords: string[] = [];
  let memberWords: string[] = [];

  it('the steward joins with the first-run link and confirms the recovery phrase', async () => {
    const link = server.stewardInvitation;
    expect(link).toBeDefined();
    steward = await openSession();
    stewardWords = await join(steward.page, link!.replace(/^https?:\/\/[^/]+/u, origin), STEWARD, STEWARD_PASS);
    expect(steward.problems).toEqual([]);
    // Argon2id ran in the worker, not on the page's thread.
    expect(steward.paths.some((p) => /\/assets\/derive\.worker-[\w-]+\.js$/u.test(p))).toBe(true);
  });

  it('the steward invites, and a second person joins with that link', async () => {
    const { page } = steward;
    await page.getByRole('link', { name: 'Invitations' }).click();
    await heading(page, 'Invitations').waitFor();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const field = page.getByRole('textbox', { name: 'Invitation link' });
    await field.waitFor();
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${origin.replace(/[.]/gu, '\\.')}/join#[A-Za-z0-9_-]{43}$`, 'u'));
    await page.getByText(/Not used yet, expires/u).waitFor();

    member = await openSession();
    memberWords = await join(member.page, link, MEMBER, MEMBER_PASS);
    expect(memberWords).not.toEqual(stewardWords);

    // A new member waits out probation before inviting, and is told when.
    await member.page.getByRole('link', { name: 'Invitations' }).click();
    await member.page.getByRole('button', { name: 'Create invitation' }).click();
    await member.page.getByRole('alert').filter({ hasText: 'you can invite others' }).waitFor();
    expect(await member.page.getByRole('textbox', { name: 'Invitation link' }).count()).toBe(0);

    // The used link cannot be used again.
    const third = await openSession();
    await third.page.goto(link);
    await third.page.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill('Late Comer');
    await third.page.getByRole('checkbox', { name: 'I am 18 or older' }).check();
    await third.page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
    await passphrase(third.page).fill('late comer pass');
    await third.page.getByLabel('Confirm passphrase', { exact: true }).fill('late comer pass');
    await third.page.getByRole('button', { name: 'Join', exact: true }).click();
    await third.page.getByRole('alert').filter({ hasText: 'already been used or has expired' }).waitFor();
    expect(member.problems).toEqual([]);
  });

  it('after a reload the space is locked; a wrong passphrase gets one plain message; the right one opens it and signs in', async () => {
    const { page } = steward;
    await page.goto(`${origin}/`);
    await unlock(page, 'not my passphrase');
    await page.getByRole('alert').filter({ hasText: 'That passphrase does not open it. Please try again.' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await passphrase(page).fill(STEWARD_PASS);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText(`Welcome back, ${STEWARD}.`).waitFor();
    // A signed-in call with the device key: the list shows the invitation the member used.
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByText('Someone has joined with it').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a second passphrase opens an empty, ordinary-looking space, and the real one is untouched', async () => {
    const { page } = steward;
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await heading(page, 'Settings').waitFor();
    await page.getByLabel('Second passphrase', { exact: true }).fill(SECOND_PASS);
    await page.getByLabel('Confirm second passphrase', { exact: true }).fill(SECOND_PASS);
    await page.getByRole('button', { name: 'Set second passphrase' }).click();
    await page.getByText('It is set.').waitFor();

    await page.goto(`${origin}/`);
    await unlock(page, SECOND_PASS);
    await heading(page, 'My space').waitFor();
    await page.getByText('Nothing new here right now.').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(STEWARD);
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByText('You have not sent any invitations yet.').waitFor();
    expect(await page.getByText('Someone has joined with it').count()).toBe(0);
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await heading(page, 'Settings').waitFor();
    expect(await page.getByLabel('Second passphrase', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete my account' }).count()).toBe(0);
    expect((await page.locator('body').innerText()).toLowerCase()).not.toContain('duress');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('link', { name: 'Home' }).first().click();
    await unlock(page, STEWARD_PASS);
    await page.getByText(`Welcome back, ${STEWARD}.`).waitFor();
    expect(steward.problems).toEqual([]);
  });

  it('quick exit from an open space lands on the neutral page, and coming back finds it locked', async () => {
    const { page } = steward;
    await page.getByRole('link', { name: 'Invitations' }).click();
    await heading(page, 'Invitations').waitFor();
    await page.getByRole('button', { name: 'Quick exit', exact: true }).click();
    await page.waitForURL(`${origin}/recipes/`);
    await page.goto(`${origin}/invitations`);
    await heading(page, 'Unlock my space').waitFor();
    expect(await page.getByText(STEWARD).count()).toBe(0);
    await page.goto(`${origin}/`);
    await heading(page, 'Unlock my space').waitFor();
  });

  it('the recovery phrase restores the same member on a fresh device', async () => {
    const fresh = await openSession();
    const { page } = fresh;
    await page.goto(`${origin}/`);
    await heading(page, 'Welcome to Lamplight').waitFor();
    await page.getByRole('link', { name: 'Restore with my recovery phrase' }).click();
    await heading(page, 'Restore with my recovery phrase').waitFor();
    await page.getByRole('textbox', { name: 'Recovery phrase' }).fill(stewardWords.join(' '));
    await passphrase(page).fill('new phone passphrase');
    await page.getByLabel('Confirm passphrase', { exact: true }).fill('new phone passphrase');
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText(`Welcome back, ${STEWARD}.`).waitFor();

    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByText(/^This phone \(added/u).waitFor();
    await page.getByText(/^Device added/u).first().waitFor();
    // Stewards see the members.
    await page.getByRole('button', { name: `Remove ${MEMBER}` }).waitFor();
    expect(fresh.problems).toEqual([]);

    // This device shows a one-time code; a third device takes on the identity with it.
    await page.getByRole('button', { name: 'Make a link code' }).click();
    const shown = await page.getByText(/^Link code: /u).innerText();
    const code = shown.replace('Link code: ', '').trim();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/u);
    const linked = await openSession();
    await linked.page.goto(`${origin}/restore`);
    await linked.page.getByRole('button', { name: 'Use a link code from my other device instead' }).click();
    await linked.page.getByRole('textbox', { name: 'Link code' }).fill(code.toLowerCase());
    await passphrase(linked.page).fill('third device pass');
    await linked.page.getByLabel('Confirm passphrase', { exact: true }).fill('third device pass');
    await linked.page.getByRole('button', { name: 'Link this device' }).click();
    await linked.page.getByText(`Welcome back, ${STEWARD}.`).waitFor();
    secrets.push(code, code.replace('-', ''));
    expect(linked.problems).toEqual([]);
  });

  it('locks by itself after the chosen idle time', async () => {
    const idle = await openSession('en-US', true);
    const { page } = idle;
    await page.goto(`${origin}/restore`);
    await page.getByRole('textbox', { name: 'Recovery phrase' }).fill(stewardWords.join(' '));
    await passphrase(page).fill('idle device pass');
    await page.getByLabel('Confirm passphrase', { exact: true }).fill('idle device pass');
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText(`Welcome back, ${STEWARD}.`).waitFor();
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByLabel('Lock after this long without use').selectOption('1');
    await page.getByRole('link', { name: 'Invitations' }).click();
    await heading(page, 'Invitations').waitFor();
    await page.clock.fastForward(30_000);
    expect(await heading(page, 'Invitations').isVisible()).toBe(true);
    await page.clock.fastForward(31_000);
    await heading(page, 'Unlock my space').waitFor();
    expect(idle.problems).toEqual([]);
  });

  it('speaks zh-TW first: a used-up invitation gets a warm answer and leaves nothing on the device', async () => {
    const zh = await openSession('zh-TW');
    const { page } = zh;
    await page.goto(`${origin}/join#${secrets[0]!}`);
    await heading(page, '加入微光').waitFor();
    await page.getByRole('textbox', { name: '暱稱', exact: true }).fill('小燈');
    await page.getByRole('checkbox', { name: '我已年滿 18 歲' }).check();
    await page.getByRole('checkbox', { name: '我接受社群守則' }).check();
    await page.getByLabel('密碼', { exact: true }).fill('微光小燈一盞一盞');
    await page.getByLabel('再輸入一次密碼', { exact: true }).fill('微光小燈一盞一盞');
    await page.getByRole('button', { name: '加入', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '這個邀請已經用過或過期了' }).waitFor();
    // With a vault on the device the first screen would ask to unlock; the welcome means none was left.
    await page.goto(`${origin}/`);
    await heading(page, '歡迎來到微光').waitFor();
    expect(zh.problems).toEqual([]);
  });

  it('IndexedDB holds no pseudonym, passphrase or phrase word in the clear', async () => {
    for (const [session, words, name, pass] of [
      [steward, stewardWords, STEWARD, STEWARD_PASS],
      [member, memberWords, MEMBER, MEMBER_PASS],
    ] as const) {
      const dump = await session.page.evaluate<string>(`new Promise((resolve, reject) => {
        const open = indexedDB.open('lamplight-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(db.objectStoreNames[0], 'readonly');
          const store = tx.objectStore(db.objectStoreNames[0]);
          const keys = store.getAllKeys();
          const values = store.getAll();
          tx.oncomplete = () => {
            const text = (v) => v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) + new TextDecoder().decode(v) : JSON.stringify(v);
            resolve(JSON.stringify(keys.result) + values.result.map(text).join('|'));
          };
        };
      })`);
      expect(dump.length).toBeGreaterThan(100);
      expect(dump).not.toContain(name);
      expect(dump).not.toContain(pass);
      expect(dump).not.toContain(words.join(' '));
      // Short words could turn up by chance in random bytes; five letters or more cannot, in practice.
      for (const word of words.filter((w) => w.length >= 5)) expect(dump).not.toContain(word);
    }
  });

  it('a member deletes their account: the server forgets them and the device is emptied', async () => {
    const { page } = member;
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await heading(page, 'Settings').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('button', { name: 'Yes, delete my account' }).click();
    await heading(page, 'Welcome to Lamplight').waitFor();
    const left = await page.evaluate<number>(`new Promise((resolve) => {
      const open = indexedDB.open('lamplight-vault');
      open.onsuccess = () => {
        const db = open.result;
        const req = db.transaction(db.objectStoreNames[0], 'readonly').objectStore(db.objectStoreNames[0]).count();
        req.onsuccess = () => resolve(req.result);
      };
    })`);
    expect(left).toBe(0);
    expect(member.problems).toEqual([]);
  });

  it('the server database holds no invitation secret, address or user agent', async () => {
    const db = openDatabase({ kind: 'sqlite', dataDir: server.dataDir });
    try {
      const dump = await dumpAllRows(db);
      expect(dump).toContain(STEWARD);
      expect(dump).not.toContain(MEMBER);
      expect(secrets.length).toBeGreaterThanOrEqual(2);
      for (const secret of secrets) expect(dump).not.toContain(secret);
      expect(dump).not.toContain('127.0.0.1');
      for (const ua of new Set(userAgents)) expect(dump).not.toContain(ua);
    } finally {
      await db.close();
    }
  });
});
