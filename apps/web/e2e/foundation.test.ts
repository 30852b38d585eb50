import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, REPO_ROOT, startAppServer, type RunningServer } from './harness.js';

/**
 * The web app's foundation in real Chromium against the built server: the
 * first screen, languages, quick exit and history, no third-party requests,
 * offline start, neutral name, and accessibility.
 */

let server: RunningServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = await startAppServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const STATEMENT_ZH = '同儕支持，不是心理諮商、醫療或緊急救援';
const STATEMENT_EN = 'Peer support, not counselling, medical care or emergency rescue.';
const FOOTER_TEL = ['tel:1925', 'tel:1995', 'tel:1980', 'tel:113', 'tel:110', 'tel:119'];

type Session = {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the pages and service worker made. */
  readonly requests: string[];
  /** Requests to any other origin (blocked). */
  readonly foreign: string[];
  /** Content-Security-Policy violations and uncaught errors. */
  readonly problems: string[];
};

/**
 * A fresh context and page (so the page has no earlier history), with every
 * request recorded and any request to another origin blocked and reported.
 */
async function openSession(locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Session> {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width: 360, height: 740 } });
  const requests: string[] = [];
  const foreign: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/iu.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, requests, foreign, problems };
}

/** Requests that did not go to the app's own origin (data: and blob: never leave the device). */
function offOrigin(requests: readonly string[]): string[] {
  return requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
}

/** `history.length` in the page (evaluated as a string: this file compiles without DOM types). */
function historyLength(page: Page): Promise<number> {
  return page.evaluate<number>('window.history.length');
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** Serious and critical axe findings, summarised for a readable failure. */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('built web app files', () => {
  const dist = join(REPO_ROOT, 'apps', 'web', 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
  const html = files.filter((f) => f.endsWith('.html'));
  const manifests = files.filter((f) => f.endsWith('.webmanifest'));

  it('has no inline script, style element or style attribute in any HTML file (the CSP forbids them)', () => {
    expect(html).toEqual(expect.arrayContaining(['index.html', join('recipes', 'index.html')]));
    for (const f of html) {
      const text = readFileSync(join(dist, f), 'utf8');
      expect(text, f).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/iu);
      expect(text, f).not.toMatch(/<style[\s>]/iu);
      expect(text, f).not.toMatch(/\sstyle\s*=/iu);
      expect(text, f).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//iu);
    }
  });

  it('keeps the neutral page free of scripts and of the app name', () => {
    const page = readFileSync(join(dist, 'recipes', 'index.html'), 'utf8');
    expect(page).not.toMatch(/<script/iu);
    expect(page).not.toMatch(/微光|lamplight|manifest/iu);
  });

  it('points both manifests only at this origin', () => {
    expect(manifests.sort()).toEqual(['manifest-notes.webmanifest', 'manifest.webmanifest']);
    for (const f of manifests) {
      const text = readFileSync(join(dist, f), 'utf8');
      expect(text, f).not.toMatch(/https?:|\/\//iu);
    }
    const neutral = readFileSync(join(dist, 'manifest-notes.webmanifest'), 'utf8');
    expect(neutral).not.toMatch(/微光|lamplight|lamp/iu);
  });
});

describe('web app foundation', () => {
  it('opens in zh-TW with the statement, help now, quick exit and the hotline footer', async () => {
    const s = await openSession('zh-TW');
    try {
      await s.page.goto(`${origin}/`);
      await expect.poll(() => htmlLang(s.page)).toBe('zh-Hant-TW');
      await s.page.getByRole('heading', { level: 1, name: '歡迎來到微光' }).waitFor();
      expect(await s.page.getByText(STATEMENT_ZH).first().isVisible()).toBe(true);
      expect(await s.page.getByRole('button', { name: '快速離開', exact: true }).isVisible()).toBe(true);
      expect(await s.page.getByRole('link', { name: '現在就需要幫忙' }).first().isVisible()).toBe(true);
      const links = s.page.locator('footer a[href^="tel:"]');
      const tel: (string | null)[] = [];
      for (let i = 0; i < (await links.count()); i++) tel.push(await links.nth(i).getAttribute('href'));
      expect(tel).toEqual(FOOTER_TEL);
      expect(await s.page.title()).toBe('微光');
      expect(s.requests.length).toBeGreaterThan(2);
      expect(offOrigin(s.requests)).toEqual([]);
      expect(s.foreign).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  it('switches to English with ?lang=en and remembers the choice after reload', async () => {
    const s = await openSession('zh-TW');
    try {
      await s.page.goto(`${origin}/?lang=en`);
      await expect.poll(() => htmlLang(s.page)).toBe('en');
      await s.page.getByText(STATEMENT_EN).first().waitFor();
      expect(await s.page.getByRole('button', { name: 'Quick exit', exact: true }).isVisible()).toBe(true);
      expect(await s.page.getByRole('link', { name: 'Help now' }).first().isVisible()).toBe(true);
      // The query is applied, remembered and removed, without a new history entry.
      expect(new URL(s.page.url()).search).toBe('');

      await s.page.reload();
      await s.page.getByRole('button', { name: 'Quick exit', exact: true }).waitFor();
      expect(await htmlLang(s.page)).toBe('en');

      // Switching back in the app is remembered too.
      await s.page.getByRole('button', { name: '中文' }).click();
      await expect.poll(() => htmlLang(s.page)).toBe('zh-Hant-TW');
      await s.page.reload();
      await s.page.getByRole('button', { name: '快速離開', exact: true }).waitFor();
      expect(await htmlLang(s.page)).toBe('zh-Hant-TW');
      expect(s.foreign).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  const exits: readonly (readonly [string, (page: Page) => Promise<void>])[] = [
    ['the button', (page) => page.getByRole('button', { name: '快速離開', exact: true }).click()],
    [
      'Shift three times',
      async (page) => {
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      },
    ],
    [
      'Esc twice',
      async (page) => {
        for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
      },
    ],
  ];

  for (const [how, leave] of exits) {
    it(`quick exit by ${how} lands on the neutral page and leaves no way Back into the app`, async () => {
      const s = await openSession('zh-TW');
      try {
        await s.page.goto(`${origin}/`);
        await s.page.getByRole('heading', { level: 1, name: '歡迎來到微光' }).waitFor();
        const before = await historyLength(s.page);

        // Move around the app: none of it may add history entries.
        await s.page.getByRole('link', { name: '現在就需要幫忙' }).first().click();
        await s.page.getByRole('heading', { level: 1, name: '現在就需要幫忙' }).waitFor();
        expect(new URL(s.page.url()).pathname).toBe('/help');
        await s.page.getByRole('link', { name: '設定' }).click();
        await s.page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
        expect(await historyLength(s.page)).toBe(before);

        await leave(s.page);
        await s.page.waitForURL(`${origin}/recipes/`);
        await s.page.getByRole('heading', { level: 1, name: '家常菜食譜' }).waitFor();
        expect(await s.page.title()).toBe('家常菜食譜');
        expect(await historyLength(s.page)).toBe(before);

        // Back goes to whatever was before the app (here the new tab's blank page), never into the app.
        await s.page.goBack().catch(() => null);
        const after = new URL(s.page.url());
        const backInApp = after.origin === origin && !after.pathname.startsWith('/recipes/');
        expect(backInApp, `Back landed on ${s.page.url()}`).toBe(false);
        expect(s.foreign).toEqual([]);
        expect(s.problems).toEqual([]);
      } finally {
        await s.context.close();
      }
    });
  }

  it('does not leave when someone types capitals', async () => {
    const s = await openSession('zh-TW');
    try {
      await s.page.goto(`${origin}/`);
      await s.page.getByRole('heading', { level: 1, name: '歡迎來到微光' }).waitFor();
      // "I Am OK" the way a person types it: Shift held for each capital.
      for (const key of ['I', ' ', 'A', 'm', ' ', 'O', 'K']) {
        const capital = key !== ' ' && key === key.toUpperCase();
        if (capital) await s.page.keyboard.down('Shift');
        await s.page.keyboard.press(key);
        if (capital) await s.page.keyboard.up('Shift');
      }
      await s.page.keyboard.press('Shift');
      await s.page.keyboard.press('Escape');
      // A quick exit empties the page synchronously inside the key handler, before navigating.
      expect(await s.page.locator('#root h1').count()).toBe(1);
      expect(new URL(s.page.url()).pathname).toBe('/');
    } finally {
      await s.context.close();
    }
  });

  it('opens offline once loaded, including the neutral page', async () => {
    const s = await openSession('zh-TW');
    try {
      await s.page.goto(`${origin}/`);
      await s.page.evaluate<boolean>('navigator.serviceWorker.ready.then(() => true)');
      // The page may not be controlled until the worker claims it; a reload makes that certain.
      await s.page.reload();
      await expect.poll(() => s.page.evaluate<boolean>('navigator.serviceWorker.controller !== null')).toBe(true);
      await s.context.setOffline(true);
      await s.page.goto(`${origin}/help`);
      await s.page.getByRole('heading', { level: 1, name: '現在就需要幫忙' }).waitFor();
      await s.page.goto(`${origin}/recipes/`);
      await s.page.getByRole('heading', { level: 1, name: '家常菜食譜' }).waitFor();
      expect(s.foreign).toEqual([]);
    } finally {
      await s.context.setOffline(false);
      await s.context.close();
    }
  });

  it('switches the title and manifest to a neutral name, and remembers it', async () => {
    const s = await openSession('zh-TW');
    try {
      await s.page.goto(`${origin}/settings`);
      await s.page.getByRole('checkbox').check();
      await expect.poll(() => s.page.title()).toBe('筆記');
      const manifest = (): Promise<string | null> => s.page.locator('link[rel="manifest"]').getAttribute('href');
      expect(await manifest()).toBe('/manifest-notes.webmanifest');
      const served: unknown = await (await s.page.request.get(`${origin}/manifest-notes.webmanifest`)).json();
      expect(served).toMatchObject({ name: '筆記', short_name: '筆記' });
      await s.page.reload();
      await s.page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
      await expect.poll(() => s.page.title()).toBe('筆記');
      expect(await manifest()).toBe('/manifest-notes.webmanifest');
      expect(s.problems).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  for (const [locale, scheme, path, title] of [
    ['zh-TW', 'light', '/', '歡迎來到微光'],
    ['en', 'dark', '/?lang=en', 'Welcome to Lamplight'],
  ] as const) {
    it(`has no serious or critical accessibility problems on the first screen (${locale}, ${scheme} theme)`, async () => {
      const s = await openSession(locale, scheme);
      try {
        await s.page.goto(`${origin}${path}`);
        await s.page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(await seriousA11yViolations(s.page)).toEqual([]);
      } finally {
        await s.context.close();
      }
    });
  }
});
