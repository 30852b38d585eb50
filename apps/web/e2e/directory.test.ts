import type { Browser, Page } from 'playwright-core';
import { API } from '@lamplight/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startAppServer, type RunningServer } from './harness.js';
import { expectNoProblems, heading, invite, join, openSession, seriousA11yViolations, telLinks, unlock, type Session } from './safety-helpers.js';

/**
 * Issue 5, item 7 in real Chromium against the built server: a steward
 * publishes the community's hotline directory; a member in another browser
 * sees it in the footer and on the hand-off screen, and still has hotlines
 * when the directory cannot be fetched; a stale publish is refused; the
 * built-in directory can be restored.
 */

let server: RunningServer;
let browser: Browser;
let origin: string;
const sessions: Session[] = [];

const STEWARD = 'Lantern Keeper';
const MEMBER = 'Quiet Rain';
const STEWARD_PASS = 'amber lamp at dusk';
const MEMBER_PASS = 'rain on the window';
const NGO_TEL = 'tel:0225550000';

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

async function session(): Promise<Session> {
  const s = await openSession(browser, origin);
  sessions.push(s);
  return s;
}

/** The `tel:` links in the footer shown on every screen. */
const footerTel = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(`Array.from(document.querySelectorAll('footer.app-footer a[href^="tel:"]'), (a) => a.getAttribute('href') ?? '')`);

/** Wait until the footer has (or, with `present` false, no longer has) a line. */
async function footerShows(page: Page, href: string, present = true): Promise<void> {
  const link = page.locator(`footer.app-footer a[href="${href}"]`);
  if (present) await link.first().waitFor();
  else await link.first().waitFor({ state: 'detached' });
}

/** Resolves once the page's request for the directory has failed (so what shows is not the server's answer). */
const blockedDirectory = (page: Page): Promise<unknown> => page.waitForEvent('requestfailed', (r) => new URL(r.url()).pathname === API.directory);

async function openEditor(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Night watch shifts' }).click();
  await page.getByRole('link', { name: 'Manage the night watch' }).click();
  await heading(page, 'Manage the night watch').waitFor();
  return page.getByRole('region', { name: 'Regional line directory' });
}

describe('the steward-edited hotline directory', () => {
  let steward: Session;
  let member: Session;

  it('a steward adds a local line to the footer and publishes it for everyone', async () => {
    steward = await session();
    await join(steward.page, server.stewardInvitation!.replace(/^https?:\/\/[^/]+/u, origin), STEWARD, STEWARD_PASS);
    const s = steward.page;
    expect(await footerTel(s)).toEqual(['tel:1925', 'tel:1995', 'tel:1980', 'tel:113', 'tel:110', 'tel:119']);
    const directory = await openEditor(s);
    await directory.getByText('Everyone now sees Lamplight’s built-in Taiwan directory.').waitFor();

    await directory.getByRole('button', { name: 'Add a line' }).click();
    const entry = directory.locator('fieldset.card').last();
    await entry.getByRole('textbox', { name: 'Name (Chinese)' }).fill('在地互助站');
    await entry.getByRole('textbox', { name: 'Name (English)' }).fill('Local mutual-aid line');
    await entry.getByRole('textbox', { name: 'Phone number' }).fill('02-2555-0000');
    await entry.getByRole('checkbox', { name: 'Answered 24 hours' }).check();
    await entry.getByRole('textbox', { name: 'What it is for (Chinese)' }).fill('在地的姊妹互助，不評判。');
    await entry.getByRole('textbox', { name: 'What it is for (English)' }).fill('Local peer support, without judgement.');
    await entry.getByRole('checkbox', { name: 'Show at the bottom of every screen' }).check();
    await directory.getByRole('button', { name: 'Publish to everyone' }).click();
    await directory.getByText('Published. Everyone now sees version 1.').waitFor();
    await directory.getByText(/^Everyone now sees the directory stewards published \(version 1, updated /u).waitFor();
    // The steward's own footer follows at once.
    await footerShows(s, NGO_TEL);
    expect(await seriousA11yViolations(s), 'directory editor').toEqual([]);

    // What the server now serves to anyone, without a session.
    const served = await s.evaluate<{ revision: number; source: string }>(`fetch(${JSON.stringify(API.directory)}).then((r) => r.json())`);
    expect(served).toMatchObject({ revision: 1, source: 'community' });
    expectNoProblems(steward);
  });

  it('a member in another browser sees the line in the footer and on the hand-off screen', async () => {
    const link = await invite(steward.page);
    member = await session();
    await join(member.page, link, MEMBER, MEMBER_PASS);
    const m = member.page;
    await footerShows(m, NGO_TEL);
    const footer = await footerTel(m);
    expect(footer).toEqual(['tel:1925', 'tel:1995', 'tel:1980', 'tel:113', 'tel:110', 'tel:119', NGO_TEL]);

    // Nobody is on watch: asking shows the hand-off with the lines to call, the community's line among them.
    await m.getByRole('banner').getByRole('link', { name: 'Talk to the night watch now' }).click();
    await heading(m, 'Talk to the night watch now').waitFor();
    await m.getByRole('radio', { name: 'I’m having a hard time and would like someone to talk to' }).check();
    await m.getByRole('button', { name: 'Ask the night watch' }).click();
    await m.getByRole('heading', { level: 2, name: 'Nobody is on watch right now' }).waitFor();
    const main = await m.evaluate<string[]>(`Array.from(document.querySelectorAll('main a[href^="tel:"]'), (a) => a.getAttribute('href') ?? '')`);
    expect(main).toEqual(expect.arrayContaining(['tel:1925', NGO_TEL]));
    await m.getByRole('main').getByText('Local peer support, without judgement.').first().waitFor();
    await m.getByRole('button', { name: 'Cancel my request' }).click();
    await m.getByRole('heading', { level: 2, name: 'Your request is cancelled' }).waitFor();
    expectNoProblems(member);
  });

  it('when the directory cannot be fetched, the member’s footer still has the hotlines (their cached directory), even before unlocking', async () => {
    const m = member.page;
    await member.context.route(`**${API.directory}`, (route) => route.abort('connectionfailed'));
    const blocked = blockedDirectory(m);
    await m.goto(origin);
    await heading(m, 'Unlock my space').waitFor();
    await blocked;
    await footerShows(m, NGO_TEL);
    expect(await footerTel(m)).toEqual(expect.arrayContaining(['tel:1925', 'tel:110', 'tel:119', NGO_TEL]));
    await unlock(m, MEMBER_PASS);
    await m.getByRole('link', { name: 'Help now' }).first().click();
    await heading(m, 'Help now').waitFor();
    expect(await telLinks(m)).toEqual(expect.arrayContaining(['tel:1925', NGO_TEL]));
    await member.context.unroute(`**${API.directory}`);
  });

  it('a browser with nothing cached and no answer from the server shows the built-in hotlines', async () => {
    const fresh = await session();
    await fresh.context.route(`**${API.directory}`, (route) => route.abort('connectionfailed'));
    const blocked = blockedDirectory(fresh.page);
    await fresh.page.goto(origin);
    await blocked;
    await footerShows(fresh.page, 'tel:1925');
    expect(await footerTel(fresh.page)).toEqual(['tel:1925', 'tel:1995', 'tel:1980', 'tel:113', 'tel:110', 'tel:119']);
  });

  it('a publish from an out-of-date editor is refused and changes nothing; the steward reloads and sees the latest', async () => {
    const s = steward.page;
    // A second tab of the steward opens the editor at version 1.
    const other = await steward.context.newPage();
    await other.goto(origin);
    await unlock(other, STEWARD_PASS);
    const stale = await openEditor(other);
    await stale.getByText(/\(version 1, /u).waitFor();

    // Meanwhile the first tab publishes version 2 (the local line leaves the footer).
    const directory = await openEditor(s);
    await directory.getByText(/\(version 1, /u).waitFor();
    await directory.locator('fieldset.card').last().getByRole('checkbox', { name: 'Show at the bottom of every screen' }).uncheck();
    await directory.getByRole('button', { name: 'Publish to everyone' }).click();
    await directory.getByText('Published. Everyone now sees version 2.').waitFor();
    await footerShows(s, NGO_TEL, false);

    // The stale tab's publish is refused with a plain explanation.
    await stale.getByRole('button', { name: 'Publish to everyone' }).click();
    await stale.getByText(/Another steward updated the directory while you were editing\./u).waitFor();
    expect(await s.evaluate<number>(`fetch(${JSON.stringify(API.directory)}).then((r) => r.json()).then((v) => v.revision)`)).toBe(2);
    await stale.getByRole('button', { name: 'Load the latest directory' }).click();
    await stale.getByText(/\(version 2, /u).waitFor();
    await other.close();
  });

  it('a steward restores the built-in directory, and members see it on their next visit', async () => {
    const s = steward.page;
    const directory = s.getByRole('region', { name: 'Regional line directory' });
    await directory.getByRole('button', { name: 'Restore the built-in directory' }).click();
    await directory.getByRole('button', { name: 'Yes, restore it' }).click();
    await directory.getByText('Restored. Everyone now sees the built-in Taiwan directory.').waitFor();
    await directory.getByText('Everyone now sees Lamplight’s built-in Taiwan directory.').waitFor();

    const m = member.page;
    await m.goto(origin);
    await heading(m, 'Unlock my space').waitFor();
    await m.getByRole('link', { name: 'Help now' }).first().click();
    await heading(m, 'Help now').waitFor();
    await m.locator('main a[href="tel:1925"]').first().waitFor();
    await m.locator(`main a[href="${NGO_TEL}"]`).first().waitFor({ state: 'detached' });
    expect(await footerTel(m)).toEqual(['tel:1925', 'tel:1995', 'tel:1980', 'tel:113', 'tel:110', 'tel:119']);
    expectNoProblems(steward);
  });
});
