import type { InvitationRow } from './reader.js';
import { InvitationReader } from './reader.js';

/** Write access to invitations; only reachable inside a transaction. */
export class InvitationTransactor extends InvitationReader {
  async create(inv: InvitationRow): Promise<void> {
    await this.db
      .insertInto('invitations')
      .values({
        id: inv.id,
        code_hash: inv.codeHash,
        kind: inv.kind,
        inviter_id: inv.inviterId,
        created_day: inv.createdDay,
        expires_at: inv.expiresAt,
        state: inv.state,
      })
      .execute();
  }

  /**
   * Use an open, unexpired invitation. Returns false when it was already used,
   * revoked or expired, so two redemptions racing for one code cannot both win.
   */
  async consume(id: string, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('invitations')
      .set({ state: 'used' })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Revoke a member's open invitations: all of them, or just one. */
  async revokeByInviter(inviterId: string, invitationId?: string): Promise<number> {
    let q = this.db.updateTable('invitations').set({ state: 'revoked' }).where('inviter_id', '=', inviterId).where('state', '=', 'open');
    if (invitationId !== undefined) q = q.where('id', '=', invitationId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Delete invitations whose use is over and that are past `before` (retention). */
  async purgeClosed(before: number): Promise<number> {
    const r = await this.db.deleteFrom('invitations').where('expires_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
