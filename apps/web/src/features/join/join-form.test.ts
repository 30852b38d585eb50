import { describe, expect, it } from 'vitest';
import { checkJoinForm, checkNewPassphrase, isJoinFormOk, MIN_PASSPHRASE_LENGTH } from './join-form.js';

const good = { pseudonym: '小雨', adult: true, guidelines: true, passphrase: 'lamp light 22', confirm: 'lamp light 22' };

describe('checkJoinForm', () => {
  it('accepts a complete form', () => {
    expect(checkJoinForm(good)).toEqual({});
    expect(isJoinFormOk(checkJoinForm(good))).toBe(true);
  });

  it('refuses pseudonyms that look like a way to reach someone, or are empty or too long', () => {
    expect(checkJoinForm({ ...good, pseudonym: '0912345678' }).pseudonym).toBe('looks-like-contact');
    expect(checkJoinForm({ ...good, pseudonym: '   ' }).pseudonym).toBe('empty');
    expect(checkJoinForm({ ...good, pseudonym: '長'.repeat(40) }).pseudonym).toBe('too-long');
  });

  it('needs both attestations', () => {
    const problems = checkJoinForm({ ...good, adult: false, guidelines: false });
    expect(problems).toEqual({ adult: 'required', guidelines: 'required' });
    expect(isJoinFormOk(problems)).toBe(false);
  });
});

describe('checkNewPassphrase', () => {
  it('needs the minimum length in characters, not bytes', () => {
    expect(checkNewPassphrase('a'.repeat(MIN_PASSPHRASE_LENGTH - 1), 'a'.repeat(MIN_PASSPHRASE_LENGTH - 1))).toBe('short');
    const chinese = '我的秘密小燈一盞';
    expect([...chinese]).toHaveLength(MIN_PASSPHRASE_LENGTH);
    expect(checkNewPassphrase(chinese, chinese)).toBeUndefined();
  });

  it('needs the confirmation to match, treating full-width and half-width alike', () => {
    expect(checkNewPassphrase('lamplight1', 'lamplight2')).toBe('mismatch');
    expect(checkNewPassphrase('lamplight1', 'ｌａｍｐｌｉｇｈｔ１')).toBeUndefined();
  });
});
