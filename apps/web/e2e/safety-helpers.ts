import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A browser context with its page, CSP violations and page errors recorded. */
export type Session = { readonly context: BrowserContext; readonly page: Page; readonly problems: string[] };

/** A fresh context (nothing stored, no history) that may reach only `origin`. */
export async function openSession(browser: Browser, origin: string, locale = 'en-US'): Promise<Session> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
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
export const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** The passphrase field (password inputs have no textbox role). */
export const passphrase = (page: Page) => page.getByLabel('Passphrase', { exact: true });

async function confirmPhrase(page: Page): Promise<void> {
  await heading(page, 'Your recovery phrase').waitFor();
  const words = (await page.locator('ol.phrase li').allTextContents()).map((w) => w.trim());
  const labels = await page.locator('label').filter({ hasText: /^Word \d+$/u }).allTextContents();
  for (const label of labels) {
    const n = Number(label.replace('Word ', ''));
    await page.getByRole('textbox', { name: label, exact: true }).fill(words[n - 1]!);
  }
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'I have saved my recovery phrase' }).click();
  await heading(page, 'My space').waitFor();
}

/** Join through an invitation link and land in the open space. */
export async function join(page: Page, link: string, pseudonym: string, pass: string): Promise<void> {
  await page.goto(link);
  await heading(page, 'Join Lamplight').waitFor();
  await page.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill(pseudonym);
  await page.getByRole('checkbox', { name: 'I am 18 or older' }).check();
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await passphrase(page).fill(pass);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await confirmPhrase(page);
  await page.getByText(`Welcome back, ${pseudonym}.`).waitFor();
}

/** A steward creates an invitation and returns its link. */
export async function invite(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Invitations' }).click();
  await heading(page, 'Invitations').waitFor();
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const field = page.getByRole('textbox', { name: 'Invitation link' });
  await field.waitFor();
  return field.inputValue();
}

/** Unlock from the unlock screen. */
export async function unlock(page: Page, pass: string): Promise<void> {
  await heading(page, 'Unlock my space').waitFor();
  await passphrase(page).fill(pass);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Serious and critical axe findings, summarised for a readable failure. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The `href`s of every `tel:` link on the page. */
export async function telLinks(page: Page): Promise<string[]> {
  // Evaluated as a string: this file compiles without DOM types.
  return page.evaluate<string[]>(`Array.from(document.querySelectorAll('a[href^="tel:"]'), (a) => a.getAttribute('href') ?? '')`);
}

/** Fail with the recorded problems, if any. */
export function expectNoProblems(session: Session): void {
  expect(session.problems).toEqual([]);
}
