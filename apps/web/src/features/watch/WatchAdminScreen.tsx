import { API, apiPath, type MembersResponse, type WatchResponderView, type WatchRespondersResponse } from '@lamplight/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { UnlockScreen } from '../unlock/UnlockScreen.js';
import { useRemote } from '../vault/use-remote.js';
import { useVaultModel, useVaultView } from '../vault/index.js';
import { choiceOf, responderBody, teamRows, type ResponderChoice } from './admin.js';
import { DirectoryEditor } from './DirectoryEditor.js';
import './watch.css';

type Member = MembersResponse['members'][number];
type Responder = WatchResponderView;

/** The id of a member's role field, so the team table can take the steward to it. */
const roleFieldId = (accountId: string): string => `watch-role-${accountId}`;

/** One member's night-watch role, badge and limit, starting from what the server holds. */
function MemberRow({ member, current, onSaved }: { readonly member: Member; readonly current: Responder | undefined; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const roleId = roleFieldId(member.accountId);
  const capId = useId();
  const verifiedId = useId();
  const [choice, setChoice] = useState<ResponderChoice>(() => choiceOf(current));
  const [edited, setEdited] = useState(false);
  const [state, setState] = useState<'idle' | 'saved' | 'removed' | 'failed'>('idle');
  const name = member.pseudonym;
  // Follow the server until the steward starts changing this row.
  const role = current?.role;
  const verified = current?.verified;
  const cap = current?.caseloadCap;
  useEffect(() => {
    if (!edited) setChoice(choiceOf(role === undefined ? undefined : { role, verified: verified ?? false, caseloadCap: cap ?? 2 }));
  }, [edited, role, verified, cap]);
  const change = (next: ResponderChoice): void => {
    setEdited(true);
    setChoice(next);
  };
  const save = async (): Promise<void> => {
    const path = apiPath(API.watchResponder, { accountId: member.accountId });
    const body = responderBody(choice);
    try {
      if (body === undefined) await model.call('DELETE', path);
      else await model.call('PUT', path, body);
      setState(body === undefined ? 'removed' : 'saved');
      setEdited(false);
      onSaved();
    } catch {
      setState('failed');
    }
  };
  return (
    <li>
      <form
        className="watch-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="watch-tier">{name}</p>
        <div className="field">
          <label htmlFor={roleId}>{t('watch.admin.role', { name })}</label>
          <select id={roleId} value={choice.role} onChange={(e) => change({ ...choice, role: e.currentTarget.value as ResponderChoice['role'] })}>
            <option value="none">{t('watch.admin.roleNone')}</option>
            <option value="night-watcher">{t('watch.roleNightWatcher')}</option>
            <option value="professional">{t('watch.roleProfessional')}</option>
          </select>
        </div>
        {choice.role === 'professional' ? (
          <div className="field">
            <label className="toggle" htmlFor={verifiedId}>
              <input id={verifiedId} type="checkbox" checked={choice.verified} onChange={(e) => change({ ...choice, verified: e.currentTarget.checked })} />
              {t('watch.admin.verified', { name })}
            </label>
          </div>
        ) : null}
        {choice.role === 'none' ? null : (
          <div className="field">
            <label htmlFor={capId}>{t('watch.admin.cap', { name })}</label>
            <input
              id={capId}
              type="number"
              min={1}
              max={10}
              value={choice.caseloadCap}
              onChange={(e) => change({ ...choice, caseloadCap: Number(e.currentTarget.value) })}
            />
          </div>
        )}
        <div>
          <button type="submit" className="button">
            {t('watch.admin.save', { name })}
          </button>
        </div>
        <p role="status">
          {state === 'saved' ? t('watch.admin.saved', { name }) : state === 'removed' ? t('watch.admin.removed', { name }) : state === 'failed' ? t('watch.admin.failed') : ''}
        </p>
      </form>
    </li>
  );
}

/** Who keeps watch now: role and badge, on shift or not, how many they are with, any rest after a hard conversation. */
function TeamTable({ responders, members, locale }: { readonly responders: readonly Responder[]; readonly members: readonly Member[]; readonly locale: string }) {
  const { t } = useTranslation();
  const id = useId();
  const now = Date.now();
  const time = new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-Hant-TW', { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.admin.teamTitle')}</h2>
      {responders.length === 0 ? (
        <p className="muted">{t('watch.admin.teamEmpty')}</p>
      ) : (
        <div className="watch-table-wrap">
          <table className="watch-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('watch.admin.colMember')}</th>
                <th scope="col">{t('watch.admin.colRole')}</th>
                <th scope="col">{t('watch.admin.colShift')}</th>
                <th scope="col">{t('watch.admin.colCaseload')}</th>
                <th scope="col">{t('watch.admin.colRest')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {teamRows(responders, members).map(({ responder: r, pseudonym }) => {
                const name = pseudonym ?? t('watch.admin.someone', { short: r.accountId.slice(0, 8) });
                return (
                  <tr key={r.accountId}>
                    <th scope="row">{name}</th>
                    <td>
                      {r.role === 'professional' ? t('watch.roleProfessional') : t('watch.roleNightWatcher')}
                      {r.verified ? (
                        <>
                          {' '}
                          <span className="watch-badge">{t('watch.verified')}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{r.onShift ? t('watch.admin.onShift') : t('watch.admin.offShift')}</td>
                    <td>{t('watch.admin.caseload', { count: r.caseload, cap: r.caseloadCap })}</td>
                    <td>{r.coolDownUntil !== undefined && r.coolDownUntil > now ? time.format(new Date(r.coolDownUntil)) : t('watch.admin.noRest')}</td>
                    <td>
                      {pseudonym === undefined ? null : (
                        <button type="button" className="link-button" onClick={() => document.getElementById(roleFieldId(r.accountId))?.focus()}>
                          {t('watch.admin.change', { name })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Stewards: make members night-watchers or professional volunteers, grant the badge, set the limit, remove. */
export function WatchAdminScreen() {
  const { t, i18n } = useTranslation();
  const view = useVaultView();
  const steward = view.status === 'unlocked' && view.account?.role === 'steward';
  const members = useRemote((m) => m.call<MembersResponse>('GET', API.members), steward);
  const team = useRemote((m) => m.call<WatchRespondersResponse>('GET', API.watchResponders), steward);
  const id = useId();
  const current = new Map((team.data?.responders ?? []).map((r) => [r.accountId, r]));
  if (view.status === 'locked') return <UnlockScreen goHome={false} />;
  return (
    <>
      <ScreenTitle>{t('watch.admin.title')}</ScreenTitle>
      {!steward ? (
        <p className="lead">{t('watch.admin.notSteward')}</p>
      ) : (
        <>
          <p className="lead">{t('watch.admin.intro')}</p>
          <TeamTable responders={team.data?.responders ?? []} members={members.data?.members ?? []} locale={i18n.language} />
          <section className="card" aria-labelledby={id}>
            <h2 id={id}>{t('watch.admin.membersTitle')}</h2>
            {members.error === undefined && team.error === undefined ? null : (
              <p role="alert" className="problem">
                {t('common.network')}
              </p>
            )}
            <ul className="watch-list">
              {(members.data?.members ?? []).map((m) => (
                <MemberRow key={m.accountId} member={m} current={current.get(m.accountId)} onSaved={team.reload} />
              ))}
            </ul>
          </section>
          <DirectoryEditor />
        </>
      )}
    </>
  );
}
