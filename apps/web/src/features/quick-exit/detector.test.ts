import { describe, expect, it } from 'vitest';
import { detectQuickExit, INITIAL_DETECTOR_STATE, QUICK_EXIT_WINDOW_MS, type KeyPress } from './detector.js';

/** Run presses through the detector; return the indexes of presses that triggered an exit. */
function run(presses: readonly Partial<KeyPress>[]): number[] {
  let state = INITIAL_DETECTOR_STATE;
  const exits: number[] = [];
  presses.forEach((p, i) => {
    const step = detectQuickExit(state, { key: 'Shift', time: 0, repeat: false, composing: false, ...p });
    state = step.state;
    if (step.exit) exits.push(i);
  });
  return exits;
}

describe('detectQuickExit', () => {
  it('exits on the third Shift within the window', () => {
    expect(run([{ time: 0 }, { time: 400 }, { time: 800 }])).toEqual([2]);
    expect(run([{ time: 0 }, { time: 700 }, { time: QUICK_EXIT_WINDOW_MS }])).toEqual([2]);
  });

  it('exits on the second Escape within the window', () => {
    expect(run([{ key: 'Escape', time: 0 }, { key: 'Escape', time: 300 }])).toEqual([1]);
  });

  it('does not exit when the presses are too far apart', () => {
    expect(run([{ time: 0 }, { time: 800 }, { time: QUICK_EXIT_WINDOW_MS + 1 }])).toEqual([]);
    expect(run([{ key: 'Escape', time: 0 }, { key: 'Escape', time: QUICK_EXIT_WINDOW_MS + 1 }])).toEqual([]);
  });

  it('keeps a sliding window: late presses can still complete a fresh run', () => {
    expect(run([{ time: 0 }, { time: 1000 }, { time: 2000 }, { time: 2400 }])).toEqual([3]);
  });

  it('is not triggered by typing capital letters', () => {
    const typing = [
      { key: 'Shift', time: 0 },
      { key: 'I', time: 80 },
      { key: 'Shift', time: 200 },
      { key: 'A', time: 260 },
      { key: 'Shift', time: 400 },
      { key: 'O', time: 460 },
    ];
    expect(run(typing)).toEqual([]);
  });

  it('ignores auto-repeat from a held key, and resets on IME composition', () => {
    expect(run([{ time: 0 }, { time: 50, repeat: true }, { time: 100, repeat: true }])).toEqual([]);
    expect(run([{ time: 0 }, { time: 50, repeat: true }, { time: 100 }, { time: 150 }])).toEqual([3]);
    expect(run([{ time: 0 }, { time: 100, composing: true }, { time: 200 }, { time: 300 }])).toEqual([]);
  });

  it('does not mix keys: Shift, Shift, Escape is not an exit', () => {
    expect(run([{ time: 0 }, { time: 100 }, { key: 'Escape', time: 200 }])).toEqual([]);
    expect(run([{ key: 'Escape', time: 0 }, { time: 100 }, { key: 'Escape', time: 200 }])).toEqual([]);
  });

  it('starts over after an exit', () => {
    expect(run([{ time: 0 }, { time: 100 }, { time: 200 }, { time: 300 }, { time: 400 }])).toEqual([2]);
  });
});
