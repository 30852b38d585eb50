import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A browser context with its page; CSP violations and page errors recorded. */
export type Session = { readonly context: BrowserContext; readonly page: Page; readonly problems: string[] };

/** A fresh English context that may reach only `origin`, accepting downloads. */
export async function openSession(browser: Browser, origin: string): Promise<Session> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, acceptDownloads: true });
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/iu.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** A screen's `<h1>`. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** The vault passphrase field (password inputs have no textbox role). */
export const passphrase = (page: Page) => page.getByLabel('Passphrase', { exact: true });

/** Join through an invitation link; returns the recovery phrase. */
export async function join(page: Page, link: string, pseudonym: string, pass: string): Promise<string> {
  await page.goto(link);
  await heading(page, 'Join Lamplight').waitFor();
  await page.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill(pseudonym);
  await page.getByRole('checkbox', { name: 'I am 18 or older' }).check();
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await passphrase(page).fill(pass);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await heading(page, 'Your recovery phrase').waitFor();
  const words = (await page.locator('ol.phrase li').allTextContents()).map((w) => w.trim());
  expect(words).toHaveLength(12);
  const labels = await page.locator('label').filter({ hasText: /^Word \d+$/u }).allTextContents();
  for (const label of labels) {
    const n = Number(label.replace('Word ', ''));
    await page.getByRole('textbox', { name: label, exact: true }).fill(words[n - 1]!);
  }
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'I have saved my recovery phrase' }).click();
  await page.getByText(`Welcome back, ${pseudonym}.`).waitFor();
  return words.join(' ');
}

/** Restore the member on a fresh context with the recovery phrase. */
export async function restore(page: Page, origin: string, phrase: string, pass: string, pseudonym: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('link', { name: 'Restore with my recovery phrase' }).click();
  await heading(page, 'Restore with my recovery phrase').waitFor();
  await page.getByRole('textbox', { name: 'Recovery phrase' }).fill(phrase);
  await passphrase(page).fill(pass);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByText(`Welcome back, ${pseudonym}.`).waitFor();
}

/** Unlock from the unlock screen. */
export async function unlock(page: Page, pass: string): Promise<void> {
  await heading(page, 'Unlock my space').waitFor();
  await passphrase(page).fill(pass);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Open a toolkit section from the header's Toolkit link and the toolkit menu. */
export async function openTool(page: Page, name: 'Diary' | 'Thought record' | 'Breathing' | 'Grounding' | 'Self-check' | 'My data'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Toolkit', exact: true }).click();
  await heading(page, 'Toolkit').waitFor();
  await page.getByRole('navigation', { name: 'Toolkit menu' }).getByRole('link', { name, exact: true }).click();
  await heading(page, name).waitFor();
}

/** Write a diary check-in through the form. */
export async function addDiaryEntry(page: Page, emotion: string, intensity: number, note: string): Promise<void> {
  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await page.getByRole('checkbox', { name: emotion, exact: true }).check();
  await page.getByRole('slider', { name: 'Intensity', exact: true }).fill(String(intensity));
  await page.getByRole('checkbox', { name: 'Sleep', exact: true }).check();
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('listitem').filter({ hasText: note }).waitFor();
}

/** Serious and critical axe findings, summarised for a readable failure. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
