/**
 * Split the plan's text into circle messages of at most `max` characters,
 * at line breaks where possible, so a long plan arrives whole and in order.
 */
export function planMessages(text: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') parts.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      parts.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  flush();
  return parts;
}
