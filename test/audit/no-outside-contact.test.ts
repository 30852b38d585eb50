import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Nothing in Lamplight may contact an outside party: no analytics, no
 * third-party requests, no automatic call to police (110) or ambulance
 * (119), no location sent anywhere. This audit reads every source file and
 * fails on any code path that could. Calling a hotline is always the
 * member's own tap on a `tel:` link.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['apps/server/src', 'apps/web/src', 'apps/web/index.html', 'apps/web/public', 'apps/web/vite.config.ts', 'packages'];
const SKIP = /(^|\/)(node_modules|dist|dev-dist|test-vectors|data)(\/|$)|\.test\.tsx?$|\.md$/u;

function files(path: string): string[] {
  const abs = join(ROOT, path);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (st === undefined) return [];
  if (st.isFile()) return /\.(ts|tsx|mjs|js|html|css|json|webmanifest)$/u.test(path) ? [path] : [];
  return readdirSync(abs).flatMap((e) => {
    const p = `${path}/${e}`;
    return SKIP.test(p) ? [] : files(p);
  });
}

/** Source text without comments, so a URL in documentation is not mistaken for a request. */
function code(text: string, file: string): string {
  if (!/\.(ts|tsx|mjs|js)$/u.test(file)) return text;
  return text.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/(^|[^:'"`\\])\/\/.*$/gmu, '$1');
}

const all = SOURCE_DIRS.flatMap(files).map((f) => ({ file: f, text: code(readFileSync(join(ROOT, f), 'utf8'), f) }));

function offenders(pattern: RegExp, only?: RegExp): string[] {
  return all
    .filter((f) => only === undefined || only.test(f.file))
    .flatMap((f) => [...f.text.matchAll(pattern)].map((m) => `${relative('.', f.file)}: ${m[0].slice(0, 80)}`));
}

const OUTSIDE_URL = /\b(?:https?|wss?):\/\/(?!127\.0\.0\.1|localhost|\[::1\])[a-z0-9][^\s'"`)]*/giu;
const LOCATION_API = /\bnavigator\.geolocation\b|\bgetCurrentPosition\b|\bwatchPosition\b/gu;
const AUTO_DIAL = /(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\(|window\.open\()\s*[`'"]?(?:tel|sms|mailto):/gu;
const ABSOLUTE_FETCH = /fetch\(\s*[`'"](?!\/)[^`'"]*[`'"]/gu;

describe('the audit patterns', () => {
  it('catch what they are meant to, and let loopback and tel: links through', () => {
    const hits = (re: RegExp, s: string): number => [...s.matchAll(re)].length;
    expect(hits(OUTSIDE_URL, "fetch('https://cdn.example.com/x.js')")).toBe(1);
    expect(hits(OUTSIDE_URL, "const u = 'http://127.0.0.1:8080'")).toBe(0);
    expect(hits(LOCATION_API, 'navigator.geolocation.getCurrentPosition(cb)')).toBe(2);
    expect(hits(AUTO_DIAL, "location.href = 'tel:119'")).toBe(1);
    expect(hits(AUTO_DIAL, '<a href="tel:1925">1925</a>')).toBe(0);
    expect(hits(ABSOLUTE_FETCH, "fetch('api.example.com/x')")).toBe(1);
    expect(hits(ABSOLUTE_FETCH, "fetch('/api/v1/me')")).toBe(0);
  });
});

describe('no code path contacts an outside party', () => {
  it('reads a meaningful amount of source', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((f) => f.file.startsWith('apps/web/src'))).toBe(true);
    expect(all.some((f) => f.file.startsWith('apps/server/src'))).toBe(true);
  });

  it('names no outside web address in code (only loopback is allowed)', () => {
    expect(offenders(OUTSIDE_URL)).toEqual([]);
  });

  it('uses no beacon, tracking or background-request API', () => {
    expect(offenders(/\b(?:sendBeacon|XMLHttpRequest|EventSource|importScripts)\b/gu)).toEqual([]);
    expect(offenders(/\bgoogle-analytics|googletagmanager|gtag\(|plausible|sentry|mixpanel|segment\.io|hotjar\b/giu)).toEqual([]);
  });

  it('never reads the device location', () => {
    expect(offenders(LOCATION_API)).toEqual([]);
  });

  it('never dials or opens a phone number by itself: tel: only as a link the member taps', () => {
    expect(offenders(AUTO_DIAL)).toEqual([]);
    expect(offenders(/\b(?:mailto|sms):/gu)).toEqual([]);
  });

  it('the server opens no outgoing connection of its own (only its database and Redis)', () => {
    const server = /^apps\/server\/src\//u;
    expect(offenders(/\b(?:https?\.request|https?\.get|net\.connect|tls\.connect|dgram|fetch\()/gu, server)).toEqual([]);
    expect(offenders(/from 'node:(?:http|https|net|tls|dgram)'/gu, server)).toEqual([]);
  });

  it('the web app fetches only its own origin', () => {
    // Every fetch gets a path (an API constant or a relative string), never an absolute URL.
    expect(offenders(ABSOLUTE_FETCH, /^apps\/web\//u)).toEqual([]);
  });
});
