import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist as englishWordlist } from '@scure/bip39/wordlists/english.js';
import { wordlist as traditionalChineseWordlist } from '@scure/bip39/wordlists/traditional-chinese.js';

import { IdentityError } from './errors.js';

/** Which BIP-39 word list a recovery phrase is written in. zh-TW is the default. */
export type PhraseWordlist = 'zh-TW' | 'en';

/** Number of words in a Lamplight recovery phrase (128 bits of entropy). */
export const RECOVERY_PHRASE_WORDS = 12;

/** Bytes of entropy behind a {@link RECOVERY_PHRASE_WORDS}-word phrase. */
export const RECOVERY_ENTROPY_BYTES = 16;

const WORDLISTS: Readonly<Record<PhraseWordlist, readonly string[]>> = {
  'zh-TW': traditionalChineseWordlist,
  en: englishWordlist,
};

const HAN = /\p{Script=Han}/u;
// Spaces (including the ideographic space U+3000) and the separators people
// tend to type between words on a phone keyboard.
const SEPARATORS = /[\s,，、・･.。]+/u;

/** Writes 16 bytes of entropy as a phrase, words separated by single spaces. */
export function entropyToPhrase(entropy: Uint8Array, wordlist: PhraseWordlist): string {
  if (entropy.length !== RECOVERY_ENTROPY_BYTES) throw new RangeError('bad entropy length');
  return entropyToMnemonic(entropy, [...WORDLISTS[wordlist]]);
}

/** The result of reading a phrase someone typed. */
export type ParsedPhrase = Readonly<{ wordlist: PhraseWordlist; entropy: Uint8Array }>;

/**
 * Reads a recovery phrase as typed: detects the word list, accepts Chinese
 * words with or without spaces, ignores case and extra whitespace in English,
 * and checks the BIP-39 checksum.
 *
 * @throws IdentityError `invalid-phrase` for anything else.
 */
export function parsePhrase(typed: string): ParsedPhrase {
  const text = typed.normalize('NFKC').trim();
  const tokens = text.split(SEPARATORS).filter((token) => token.length > 0);
  const wordlist: PhraseWordlist = HAN.test(text) ? 'zh-TW' : 'en';
  // Every zh-TW BIP-39 word is one character, so spacing carries no meaning.
  const words =
    wordlist === 'zh-TW' ? [...tokens.join('')] : tokens.map((token) => token.toLowerCase());
  if (words.length !== RECOVERY_PHRASE_WORDS) throw new IdentityError('invalid-phrase');
  try {
    const entropy = mnemonicToEntropy(words.join(' '), [...WORDLISTS[wordlist]]);
    return { wordlist, entropy: Uint8Array.from(entropy) };
  } catch (cause) {
    throw new IdentityError('invalid-phrase', { cause });
  }
}
