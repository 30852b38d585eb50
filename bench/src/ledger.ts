/**
 * Accounting for S5 (reconnect and catch-up): which messages one client was
 * owed, which it got (by the message number in the bench trailer), and
 * whether the sequence numbers the server gave them ran without a gap or a
 * repeat. Pure: no clock, no sockets.
 */

/** How many of the messages `0 … limit-1` go to circle `circle`, when message k goes to circle `k % circles`. */
export function expectedBelow(limit: number, circles: number, circle: number): number {
  if (circles <= 0 || circle < 0 || circle >= circles) return 0;
  return Math.max(0, Math.ceil((limit - circle) / circles));
}

/** What one client received, against what it was owed. */
export type LedgerSummary = Readonly<{
  /** Messages owed: every message of the phase sent to the client's circle. */
  expected: number;
  /** Distinct owed messages received. */
  received: number;
  /** Owed and never received. */
  missing: number;
  /** Receipts of a message already received. */
  duplicates: number;
  /** Receipts of a message number not owed to this circle (or out of range). */
  unexpected: number;
}>;

/**
 * One client's message numbers. Message k of a phase of `total` messages
 * goes to circle `k % circles`; a client is owed every message of its own
 * circle (it never sends during the phase).
 */
export class MessageLedger {
  private readonly seen: Uint8Array;
  private distinct = 0;
  private dup = 0;
  private unexp = 0;
  private mark = 0;
  private belowMark = 0;

  constructor(
    private readonly total: number,
    private readonly circles: number,
    private readonly circle: number,
  ) {
    this.seen = new Uint8Array(Math.max(0, total));
  }

  /** Record a receipt of message `k`. */
  receive(k: number): 'new' | 'duplicate' | 'unexpected' {
    if (!Number.isInteger(k) || k < 0 || k >= this.total || k % this.circles !== this.circle) {
      this.unexp++;
      return 'unexpected';
    }
    if (this.seen[k] === 1) {
      this.dup++;
      return 'duplicate';
    }
    this.seen[k] = 1;
    this.distinct++;
    if (k < this.mark) this.belowMark++;
    return 'new';
  }

  /**
   * From now on, track whether every owed message below `limit` has arrived
   * (the backlog at a reconnect: everything intended before it).
   */
  setMark(limit: number): void {
    this.mark = Math.max(0, Math.min(limit, this.total));
    let n = 0;
    for (let k = this.circle; k < this.mark; k += this.circles) if (this.seen[k] === 1) n++;
    this.belowMark = n;
  }

  /** Owed messages below the mark. */
  owedBelowMark(): number {
    return expectedBelow(this.mark, this.circles, this.circle);
  }

  /** Owed messages below the mark that arrived. */
  receivedBelowMark(): number {
    return this.belowMark;
  }

  /** Every owed message below the mark has arrived. */
  completeBelowMark(): boolean {
    return this.belowMark >= this.owedBelowMark();
  }

  /** Every owed message of the phase has arrived. */
  complete(): boolean {
    return this.distinct >= expectedBelow(this.total, this.circles, this.circle);
  }

  summary(): LedgerSummary {
    const expected = expectedBelow(this.total, this.circles, this.circle);
    return { expected, received: this.distinct, missing: expected - this.distinct, duplicates: this.dup, unexpected: this.unexp };
  }
}

/**
 * The server's sequence numbers as one client saw them in one circle: each
 * entry should be the one after the last. The first entry seen sets the start.
 */
export class SeqTracker {
  private lastSeq: number | undefined;
  /** Sequence numbers skipped over (entries the client should have had between two it got). */
  gaps = 0;
  /** Entries at or below the last sequence number seen (repeats or out of order). */
  repeats = 0;

  /** The last sequence number seen, or `fallback` before any. */
  last(fallback = 0): number {
    return this.lastSeq ?? fallback;
  }

  observe(seq: number): void {
    if (this.lastSeq === undefined) {
      this.lastSeq = seq;
      return;
    }
    if (seq <= this.lastSeq) {
      this.repeats++;
      return;
    }
    this.gaps += seq - this.lastSeq - 1;
    this.lastSeq = seq;
  }
}
