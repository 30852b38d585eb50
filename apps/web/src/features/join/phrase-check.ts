/** The words of a recovery phrase as shown (space-separated). */
export function phraseWords(phrase: string): readonly string[] {
  return phrase.trim().split(/\s+/u).filter((w) => w !== '');
}

/**
 * Two different word positions (1-based, ascending) to ask the member for,
 * so they show they wrote the phrase down.
 *
 * @param random a number in [0, 1), e.g. from `crypto.getRandomValues`
 */
export function pickCheckPositions(wordCount: number, random: () => number): readonly [number, number] {
  if (wordCount < 2) throw new RangeError('need at least two words');
  const first = 1 + Math.floor(random() * wordCount);
  let second = 1 + Math.floor(random() * (wordCount - 1));
  if (second >= first) second += 1;
  return first < second ? [first, second] : [second, first];
}

function canonical(word: string): string {
  return word.normalize('NFKC').trim().toLowerCase();
}

/** Whether every typed word matches the phrase at its position (case, width and spaces ignored). */
export function checkPhraseWords(
  words: readonly string[],
  answers: readonly Readonly<{ position: number; typed: string }>[],
): boolean {
  return answers.every(({ position, typed }) => {
    const word = words[position - 1];
    return word !== undefined && canonical(typed) === canonical(word);
  });
}
