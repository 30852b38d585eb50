/** Median of the finite numbers in `xs`, or undefined when there are none. */
export function median(xs: readonly (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
}

/** `a ÷ b` rounded to three places, or undefined when either is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return Math.round((a / b) * 1000) / 1000;
}

/** Round to `places` decimals (undefined stays undefined). */
export function roundTo(x: number | undefined, places = 3): number | undefined {
  if (x === undefined) return undefined;
  const f = 10 ** places;
  return Math.round(x * f) / f;
}
