import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyLine } from './classify-line.js';

const BIN = fileURLToPath(new URL('../../bin/classify.mjs', import.meta.url));

function run(input: string): string[] {
  const result = spawnSync(process.execPath, [BIN], { input, encoding: 'utf8', timeout: 60_000 });
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
}

describe('classifyLine', () => {
  it('classifies a valid line with or without lang', () => {
    expect(classifyLine('{"text":"我好想死","lang":"zh"}')).toEqual({ tier: 'high', reasons: ['ideation:active'] });
    expect(classifyLine('{"text":"had dinner"}')).toEqual({ tier: 'none', reasons: [] });
  });

  it.each([
    ['', 'empty line'],
    ['   ', 'empty line'],
    ['{bad json', 'invalid JSON'],
    ['[1,2]', 'expected a JSON object'],
    ['{"lang":"zh"}', 'missing or non-string "text"'],
    ['{"text":42}', 'missing or non-string "text"'],
    ['{"text":"hi","lang":"fr"}', '"lang" must be "zh" or "en"'],
  ])('refuses %j', (line, error) => {
    expect(classifyLine(line)).toEqual({ error });
  });

  it('ignores a trailing CR and a byte-order mark', () => {
    expect(classifyLine('\uFEFF{"text":"I want to kill myself"}\r')).toMatchObject({ tier: 'high' });
  });
});

describe('safety:classify command', () => {
  it('answers one line per input line, in order, and goes on after a bad line', () => {
    const input = [
      '{"text":"炭已經買好了，今晚就做","lang":"zh"}',
      'not json',
      '',
      '{"text":"笑死，累死了"}',
      '{"text":"I wish I could sleep and never wake up","lang":"en"}',
      '{"text":5}',
      `{"text":"${'long day. '.repeat(20_000)}I want to die"}`,
    ].join('\r\n');
    const out = run(`${input}\r\n`).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ tier: 'imminent' });
    expect(out[1]).toHaveProperty('error');
    expect(out[2]).toHaveProperty('error');
    expect(out[3]).toMatchObject({ tier: 'none' });
    expect(out[4]).toMatchObject({ tier: 'concern' });
    expect(out[5]).toHaveProperty('error');
    expect(out[6]).toMatchObject({ tier: 'high' });
    for (const o of out) {
      if ('error' in o) expect(typeof o.error).toBe('string');
      else expect(Array.isArray(o.reasons)).toBe(true);
    }
  });

  it('handles a last line without a newline', () => {
    expect(run('{"text":"hi"}')).toEqual(['{"tier":"none","reasons":[]}']);
  });
});
