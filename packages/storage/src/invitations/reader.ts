import type { Kysely, Selectable } from 'kysely';
import type { Database, InvitationsTable } from '../schema.js';

/** An invitation as stored (no secret: only its hash). */
export type InvitationRow = Readonly<{
  id: string;
  codeHash: string;
  kind: 'steward' | 'member';
  inviterId: string | null;
  createdDay: number;
  expiresAt: number;
  state: 'open' | 'used' | 'revoked';
}>;

export function toInvitation(r: Selectable<InvitationsTable>): InvitationRow {
  return {
    id: r.id,
    codeHash: r.code_hash,
    kind: r.kind,
    inviterId: r.inviter_id,
    createdDay: Number(r.created_day),
    expiresAt: Number(r.expires_at),
    state: r.state,
  };
}

/** Read access to invitations. */
export class InvitationReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async byHash(codeHash: string): Promise<InvitationRow | undefined> {
    const r = await this.db.selectFrom('invitations').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    return r === undefined ? undefined : toInvitation(r);
  }

  async byInviter(inviterId: string): Promise<readonly InvitationRow[]> {
    const rows = await this.db
      .selectFrom('invitations')
      .selectAll()
      .where('inviter_id', '=', inviterId)
      .orderBy('expires_at', 'desc')
      .execute();
    return rows.map(toInvitation);
  }

  /** How many invitations a member created since `sinceDay` (for the weekly quota). */
  async countCreatedSince(inviterId: string, sinceDay: number): Promise<number> {
    const r = await this.db
      .selectFrom('invitations')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('inviter_id', '=', inviterId)
      .where('created_day', '>=', sinceDay)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
