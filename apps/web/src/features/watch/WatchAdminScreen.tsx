import { API, apiPath, type MembersResponse } from '@lamplight/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { UnlockScreen } from '../unlock/UnlockScreen.js';
import { useRemote } from '../vault/use-remote.js';
import { useVaultModel, useVaultView } from '../vault/index.js';
import { responderBody, type ResponderChoice } from './admin.js';
import { DirectoryEditor } from './DirectoryEditor.js';
import './watch.css';

type Member = MembersResponse['members'][number];

/** One member's night-watch role, badge and limit. */
function MemberRow({ member }: { readonly member: Member }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const roleId = useId();
  const capId = useId();
  const verifiedId = useId();
  const [choice, setChoice] = useState<ResponderChoice>({ role: 'none', verified: false, caseloadCap: 2 });
  const [state, setState] = useState<'idle' | 'saved' | 'removed' | 'failed'>('idle');
  const name = member.pseudonym;
  const save = async (): Promise<void> => {
    const path = apiPath(API.watchResponder, { accountId: member.accountId });
    const body = responderBody(choice);
    try {
      if (body === undefined) await model.call('DELETE', path);
      else await model.call('PUT', path, body);
      setState(body === undefined ? 'removed' : 'saved');
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
          <select id={roleId} value={choice.role} onChange={(e) => setChoice({ ...choice, role: e.currentTarget.value as ResponderChoice['role'] })}>
            <option value="none">{t('watch.admin.roleNone')}</option>
            <option value="night-watcher">{t('watch.roleNightWatcher')}</option>
            <option value="professional">{t('watch.roleProfessional')}</option>
          </select>
        </div>
        {choice.role === 'professional' ? (
          <div className="field">
            <label className="toggle" htmlFor={verifiedId}>
              <input id={verifiedId} type="checkbox" checked={choice.verified} onChange={(e) => setChoice({ ...choice, verified: e.currentTarget.checked })} />
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
              onChange={(e) => setChoice({ ...choice, caseloadCap: Number(e.currentTarget.value) })}
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

/** Stewards: make members night-watchers or professional volunteers, grant the badge, set the limit, remove. */
export function WatchAdminScreen() {
  const { t } = useTranslation();
  const view = useVaultView();
  const steward = view.status === 'unlocked' && view.account?.role === 'steward';
  const members = useRemote((m) => m.call<MembersResponse>('GET', API.members), steward);
  const id = useId();
  if (view.status === 'locked') return <UnlockScreen goHome={false} />;
  return (
    <>
      <ScreenTitle>{t('watch.admin.title')}</ScreenTitle>
      {!steward ? (
        <p className="lead">{t('watch.admin.notSteward')}</p>
      ) : (
        <>
          <p className="lead">{t('watch.admin.intro')}</p>
          <p className="muted">{t('watch.admin.unknownRoles')}</p>
          <section className="card" aria-labelledby={id}>
            <h2 id={id}>{t('watch.admin.membersTitle')}</h2>
            {members.error === undefined ? null : (
              <p role="alert" className="problem">
                {t('common.network')}
              </p>
            )}
            <ul className="watch-list">
              {(members.data?.members ?? []).map((m) => (
                <MemberRow key={m.accountId} member={m} />
              ))}
            </ul>
          </section>
          <DirectoryEditor />
        </>
      )}
    </>
  );
}
