import { API, apiPath, type WatchQueueItem, type WatchTier } from '@lamplight/protocol';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWatchNudges } from '../safety/use-watch-nudges.js';
import { useVaultModel } from '../vault/index.js';
import { openWatchConversation, type ConversationPort } from './conversation.js';
import { waitingMinutes } from './shifts.js';
import './watch.css';

/** One request in the queue: tier and waiting time, never who it is before accepting. */
function QueueItem({
  item,
  now,
  busy,
  onAct,
  conversation,
}: {
  readonly item: WatchQueueItem;
  readonly now: number;
  readonly busy: boolean;
  readonly onAct: (path: string, item: WatchQueueItem) => void;
  readonly conversation: ConversationPort | undefined;
}) {
  const { t } = useTranslation();
  const tierText = t(`watch.tier_${item.tier}`);
  return (
    <li>
      <p className={`watch-tier watch-tier-${item.tier}`}>{tierText}</p>
      <p>{t('watch.waiting', { count: waitingMinutes(item.createdAt, now) })}</p>
      {item.origin === 'peer-ask' ? <p className="muted">{t('watch.peerAsked')}</p> : null}
      {item.level === 'professional' ? <p className="muted">{t('watch.levelProfessional')}</p> : null}
      {item.level === 'hotline' ? <p className="muted">{t('watch.levelHotline')}</p> : null}
      {item.mine ? (
        <>
          <p className="statement">{t('watch.withThem')}</p>
          {conversation === undefined || item.memberAccountId === undefined ? (
            <p>{t('watch.conversationPlaceholder')}</p>
          ) : (
            <OpenConversation port={conversation} requestId={item.requestId} memberAccountId={item.memberAccountId} />
          )}
          <div className="watch-row">
            <button type="button" className="button" disabled={busy} onClick={() => onAct(API.watchRequestClose, item)}>
              {t('watch.closeRequest')}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => onAct(API.watchRequestRelease, item)}>
              {t('watch.release')}
            </button>
          </div>
        </>
      ) : (
        <div className="watch-row">
          <button type="button" className="button" disabled={busy} onClick={() => onAct(API.watchRequestAccept, item)}>
            {t('watch.accept')}
          </button>
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => onAct(API.watchRequestDecline, item)}>
            {t('watch.decline')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The button that opens the two-person encrypted conversation through the circles feature. */
function OpenConversation({ port, requestId, memberAccountId }: { readonly port: ConversationPort; readonly requestId: string; readonly memberAccountId: string }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const [state, setState] = useState<'idle' | 'busy' | 'open' | 'failed'>('idle');
  const open = async (): Promise<void> => {
    setState('busy');
    try {
      await openWatchConversation(port, model.records(), requestId, memberAccountId, { name: t('watch.title'), pseudonym: t('watch.roleNightWatcher') });
      setState('open');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={state === 'busy' || state === 'open'} onClick={() => void open()}>
        {t('watch.openConversation')}
      </button>
      <p role="status">{state === 'open' ? t('watch.conversationOpened') : state === 'failed' ? t('watch.actionFailed') : ''}</p>
    </>
  );
}

/**
 * The queue, in the server's order (tier, then waiting time), only while on
 * shift: off shift it shows nothing of it and asks the server for nothing.
 */
export function QueueSection({
  onShift,
  now,
  onChanged,
  onClosed,
  conversation,
}: {
  readonly onShift: boolean;
  /** The circles feature's way to open a two-person conversation; `undefined` until it is wired. */
  readonly conversation?: ConversationPort | undefined;
  readonly now: number;
  /** Something changed the responder's own state (caseload, cool-down). */
  readonly onChanged: () => void;
  /** A request this responder was with has been closed. */
  readonly onClosed: (tier: WatchTier) => void;
}) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const id = useId();
  const [queue, setQueue] = useState<readonly WatchQueueItem[]>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(false);

  const load = useCallback(async (): Promise<void> => {
    try {
      const r = await model.call<{ queue: WatchQueueItem[] }>('GET', API.watchQueue);
      setQueue(r.queue);
    } catch {
      // Keep what is shown; the next nudge or the fallback poll asks again.
    }
  }, [model]);

  useEffect(() => {
    if (!onShift) {
      setQueue(undefined);
      return;
    }
    void load();
  }, [onShift, load]);
  // The server nudges on-shift responders when their queue changes; a slow poll covers a dropped socket.
  const reload = useCallback(() => void load(), [load]);
  useWatchNudges(reload, onShift);

  const act = async (path: string, item: WatchQueueItem): Promise<void> => {
    setBusy(true);
    setProblem(false);
    try {
      await model.call('POST', apiPath(path, { requestId: item.requestId }), path === API.watchRequestClose ? {} : undefined);
      if (path === API.watchRequestClose) onClosed(item.tier);
      onChanged();
    } catch {
      setProblem(true);
    } finally {
      setBusy(false);
      await load();
    }
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('watch.queueTitle')}</h2>
      {!onShift ? (
        <p>{t('watch.queueOffShift')}</p>
      ) : queue === undefined ? null : queue.length === 0 ? (
        <p className="muted">{t('watch.queueEmpty')}</p>
      ) : (
        <ul className="watch-list">
          {queue.map((item) => (
            <QueueItem key={item.requestId} item={item} now={now} busy={busy} conversation={conversation} onAct={(p, i) => void act(p, i)} />
          ))}
        </ul>
      )}
      {problem ? (
        <p role="alert" className="problem">
          {t('watch.actionFailed')}
        </p>
      ) : null}
    </section>
  );
}
