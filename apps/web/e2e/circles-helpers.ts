import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A browser context for one person, recording CSP violations and page errors. */
export type Person = { readonly context: BrowserContext; readonly page: Page; readonly problems: string[] };

/** A fresh English context that may talk to `origin` only. */
export async function openPerson(browser: Browser, origin: string): Promise<Person> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/iu.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

export const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** Join from an invitation link, pass the recovery-phrase check, and land in the space. */
export async function joinWith(page: Page, link: string, pseudonym: string, pass: string): Promise<void> {
  await page.goto(link);
  await heading(page, 'Join Lamplight').waitFor();
  await page.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill(pseudonym);
  await page.getByRole('checkbox', { name: 'I am 18 or older' }).check();
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await heading(page, 'Your recovery phrase').waitFor();
  const words = (await page.locator('ol.phrase li').allTextContents()).map((w) => w.trim());
  const labels = await page.locator('label').filter({ hasText: /^Word \d+$/u }).allTextContents();
  for (const label of labels) {
    const position = Number(label.replace('Word ', ''));
    await page.getByRole('textbox', { name: label, exact: true }).fill(words[position - 1] ?? '');
  }
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'I have saved my recovery phrase' }).click();
  await heading(page, 'My space').waitFor();
}

/** The steward makes an invitation link on the Invitations screen. */
export async function makeInvitation(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Invitations' }).first().click();
  await heading(page, 'Invitations').waitFor();
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const field = page.getByRole('textbox', { name: 'Invitation link' });
  await field.waitFor();
  const link = await field.inputValue();
  expect(link).toContain('/join#');
  return link;
}

/** Open the Circles screen from the navigation. */
export async function openCircles(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Circles', exact: true }).first().click();
  await heading(page, 'My circles').waitFor();
}
