import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { useLocationStore } from '../../app/router.js';
import { routeHref } from '../../app/routes.js';
import { useVaultView } from '../vault/index.js';
import { CircleChat } from './CircleChat.js';
import { CreateCircleForm } from './CreateCircleForm.js';
import { Directory } from './Directory.js';
import { useCirclesClient, useCirclesElsewhere, useCirclesSnapshot } from './runtime.js';
import './circles.css';

type Pane = Readonly<{ kind: 'list' }> | Readonly<{ kind: 'create' }> | Readonly<{ kind: 'chat'; circleId: string }>;

/** `/circles`: my circles, creating one, the directory, and a circle's chat (kept as screen state, never in history). */
export function CirclesScreen() {
  const { t } = useTranslation();
  const view = useVaultView();
  const client = useCirclesClient();
  const snap = useCirclesSnapshot(client);
  const elsewhere = useCirclesElsewhere();
  const [pane, setPane] = useState<Pane>({ kind: 'list' });
  const location = useLocationStore();
  // Choosing Circles in the navigation (even from inside a circle) comes back to the list.
  const navigations = useSyncExternalStore(location.subscribe, location.navigations);
  useEffect(() => setPane({ kind: 'list' }), [navigations]);
  const account = view.status === 'unlocked' ? view.account : undefined;

  if (pane.kind === 'create' && client !== undefined && account !== undefined) {
    return <CreateCircleForm client={client} defaultPseudonym={account.pseudonym} onDone={(circleId) => setPane(circleId === undefined ? { kind: 'list' } : { kind: 'chat', circleId })} />;
  }
  const open = pane.kind === 'chat' ? snap.circles.find((c) => c.circleId === pane.circleId) : undefined;
  if (open !== undefined && client !== undefined && account !== undefined) {
    return <CircleChat client={client} circle={open} online={snap.online} steward={account.role === 'steward'} onBack={() => setPane({ kind: 'list' })} />;
  }

  return (
    <>
      <ScreenTitle>{t('circles.title')}</ScreenTitle>
      <p className="lead">{t('circles.intro')}</p>
      {elsewhere ? <p role="status">{t('circles.otherTab')}</p> : null}
      {account === undefined ? null : (
        <button type="button" className="button" disabled={client === undefined} onClick={() => setPane({ kind: 'create' })}>
          {t('circles.new')}
        </button>
      )}
      {snap.ready && snap.circles.length === 0 ? <p>{t('circles.empty')}</p> : null}
      <ul className="circle-list">
        {snap.circles.map((c) => (
          <li key={c.circleId}>
            <a
              href={routeHref('circles')}
              onClick={(e) => {
                e.preventDefault();
                setPane({ kind: 'chat', circleId: c.circleId });
              }}
            >
              {c.name === '' ? t('circles.unnamed') : c.name}
            </a>
            {c.removed ? <span className="circle-tag"> · {t('circles.removedTag')}</span> : null}
          </li>
        ))}
      </ul>
      {account === undefined || client === undefined ? null : <Directory />}
    </>
  );
}
