import { API, apiPath } from '@lamplight/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemote } from '../vault/use-remote.js';
import { useVaultModel } from '../vault/index.js';

type DirectoryEntry = Readonly<{ circleId: string; name: string; topic: string; member: boolean }>;

/** Listed circles of the community; a member can ask to join one. */
export function Directory() {
  const { t } = useTranslation();
  const model = useVaultModel();
  const remote = useRemote((m) => m.call<{ circles: DirectoryEntry[] }>('GET', API.circleDirectory), true);
  const [asked, setAsked] = useState<ReadonlySet<string>>(new Set());
  const ask = async (circleId: string): Promise<void> => {
    try {
      await model.call('POST', apiPath(API.circleJoinRequests, { circleId }), {});
      setAsked((s) => new Set([...s, circleId]));
    } catch {
      // Nothing to add: the button stays, so the member can try again.
    }
  };
  const list = remote.data?.circles ?? [];
  return (
    <section className="circle-directory" aria-labelledby="circle-directory-title">
      <h2 id="circle-directory-title">{t('circles.directory.title')}</h2>
      {remote.data !== undefined && list.length === 0 ? <p className="muted">{t('circles.directory.empty')}</p> : null}
      <ul className="plain-list">
        {list.map((c) => (
          <li key={c.circleId} className="card">
            <strong>{c.name}</strong>
            {c.topic === '' ? null : <p className="muted">{c.topic}</p>}
            {c.member ? (
              <span className="muted">{t('circles.directory.already')}</span>
            ) : asked.has(c.circleId) ? (
              <span role="status">{t('circles.directory.asked')}</span>
            ) : (
              <button type="button" className="button button-quiet" onClick={() => void ask(c.circleId)}>
                {t('circles.directory.ask')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
