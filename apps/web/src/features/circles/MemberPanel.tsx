import { API, apiPath, type MembersResponse } from '@lamplight/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultView } from '../vault/index.js';
import { useRemote } from '../vault/use-remote.js';
import type { CirclesClient } from './client.js';
import type { CircleSummary } from './summary.js';

type Candidate = Readonly<{ accountId: string; pseudonym: string }>;

/** Who is in the circle; moderators add (from join requests, or any community member for stewards) and remove. */
export function MemberPanel({
  client,
  circle,
  steward,
  nameOf,
}: {
  readonly client: CirclesClient;
  readonly circle: CircleSummary;
  readonly steward: boolean;
  readonly nameOf: (memberId: string) => string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const moderator = circle.role === 'moderator' && !circle.removed;
  const [confirm, setConfirm] = useState<string>();
  const [note, setNote] = useState<string>();
  const [pick, setPick] = useState('');
  const [renaming, setRenaming] = useState<string>();
  const requests = useRemote(
    (m) => m.call<{ requests: Candidate[] }>('GET', apiPath(API.circleJoinRequests, { circleId: circle.circleId })),
    moderator,
  );
  const community = useRemote((m) => m.call<MembersResponse>('GET', API.members), moderator && steward);

  const add = async (accountId: string): Promise<void> => {
    setNote(undefined);
    try {
      await client.addMember(circle.circleId, accountId);
      setNote(t('circles.add.done'));
      setPick('');
      requests.reload();
    } catch {
      setNote(t('circles.add.failed'));
    }
  };

  const view = useVaultView();
  const self = view.status === 'unlocked' ? view.account?.accountId : undefined;
  const pendingRequests = (requests.data?.requests ?? []).filter((r) => !circle.memberAccounts.includes(r.accountId));
  const candidates = (community.data?.members ?? []).filter((m) => m.accountId !== self && !circle.memberAccounts.includes(m.accountId));
  return (
    <section className="circle-members" aria-labelledby={`${id}-members`}>
      <h2 id={`${id}-members`}>{t('circles.chat.members')}</h2>
      <ul className="plain-list member-list">
        {circle.members.map((m) => (
          <li key={m.memberId}>
            <span>{nameOf(m.memberId)}</span>
            {m.moderator ? <span className="muted"> · {t('circles.chat.moderator')}</span> : null}
            {m.me ? <span className="muted"> · {t('circles.chat.me')}</span> : null}
            {moderator && !m.me ? (
              confirm === m.memberId ? (
                <span role="alertdialog" aria-label={t('circles.chat.remove', { name: nameOf(m.memberId) })} className="remove-confirm">
                  <span>{t('circles.chat.removeConfirm', { name: nameOf(m.memberId) })}</span>
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => {
                      setConfirm(undefined);
                      void client.removeMember(circle.circleId, m.memberId).catch(() => setNote(t('circles.chat.busy')));
                    }}
                  >
                    {t('circles.chat.removeYes')}
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setConfirm(undefined)}>
                    {t('circles.chat.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="link-button" onClick={() => setConfirm(m.memberId)}>
                  {t('circles.chat.remove', { name: nameOf(m.memberId) })}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {circle.removed ? null : renaming === undefined ? (
        <button type="button" className="link-button" onClick={() => setRenaming(circle.pseudonyms[circle.myMemberId] ?? '')}>
          {t('circles.chat.rename')}
        </button>
      ) : (
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (renaming.trim() !== '') void client.setPseudonym(circle.circleId, renaming.trim());
            setRenaming(undefined);
          }}
        >
          <label htmlFor={`${id}-rename`}>{t('circles.chat.myName')}</label>
          <input id={`${id}-rename`} type="text" maxLength={40} value={renaming} onChange={(e) => setRenaming(e.target.value)} />
          <button type="submit" className="button button-quiet">
            {t('circles.chat.rename')}
          </button>
        </form>
      )}
      {circle.busy ? <p role="status" className="muted">{t('circles.chat.busy')}</p> : null}
      {moderator && circle.reports.length > 0 ? (
        <div className="circle-reports">
          <h3>{t('circles.report.title')}</h3>
          <ul className="plain-list">
            {circle.reports.map((r) => (
              <li key={r.id} className="card">
                <p className="muted">{t('circles.report.about', { name: nameOf(r.about) })}</p>
                <p className="message-text">{r.text}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {moderator ? (
        <div className="circle-add">
          <h3>{t('circles.add.title')}</h3>
          <h4>{t('circles.add.requests')}</h4>
          {pendingRequests.length === 0 ? <p className="muted">{t('circles.add.noRequests')}</p> : null}
          <ul className="plain-list">
            {pendingRequests.map((r) => (
              <li key={r.accountId}>
                <button type="button" className="button button-quiet" disabled={circle.busy} onClick={() => void add(r.accountId)}>
                  {t('circles.add.addPerson', { name: r.pseudonym })}
                </button>
              </li>
            ))}
          </ul>
          {steward ? (
            <form
              className="add-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (pick !== '') void add(pick);
              }}
            >
              <label htmlFor={`${id}-pick`}>{t('circles.add.member')}</label>
              <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
                <option value="">{t('circles.add.choose')}</option>
                {candidates.map((m) => (
                  <option key={m.accountId} value={m.accountId}>
                    {m.pseudonym}
                  </option>
                ))}
              </select>
              <button type="submit" className="button" disabled={circle.busy || pick === ''}>
                {t('circles.add.add')}
              </button>
            </form>
          ) : null}
          {note === undefined ? null : <p role="status">{note}</p>}
        </div>
      ) : null}
    </section>
  );
}
