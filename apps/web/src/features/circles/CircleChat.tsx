import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanShareInConversation } from '../safety/PlanShareInConversation.js';
import type { CirclesClient } from './client.js';
import { Composer } from './Composer.js';
import { MemberPanel } from './MemberPanel.js';
import { MessageItem } from './MessageItem.js';
import type { CircleSummary } from './summary.js';
import { shortId, timerKeyOf, withDaySeparators } from './view-model.js';

/** Taiwan's offset from UTC: day separators follow the community's calendar. */
const TAIPEI_OFFSET_MINUTES = 480;

/** Blur the content while the window is not in front (someone glancing, a screenshot of the switcher). */
function useWindowAway(): boolean {
  const [away, setAway] = useState(() => document.visibilityState === 'hidden' || !document.hasFocus());
  useEffect(() => {
    const update = (): void => setAway(document.visibilityState === 'hidden' || !document.hasFocus());
    window.addEventListener('blur', update);
    window.addEventListener('focus', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('blur', update);
      window.removeEventListener('focus', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
  return away;
}

/** One circle: its name and timer, members, messages by day, and the composer. */
export function CircleChat({
  client,
  circle,
  online,
  steward,
  onBack,
}: {
  readonly client: CirclesClient;
  readonly circle: CircleSummary;
  readonly online: boolean;
  readonly steward: boolean;
  readonly onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const away = useWindowAway();
  const [leaving, setLeaving] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const nameOf = (memberId: string): string => circle.pseudonyms[memberId] ?? t('circles.chat.someone', { short: shortId(memberId) });
  const rows = withDaySeparators(circle.messages, TAIPEI_OFFSET_MINUTES);
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'Asia/Taipei' });
  const title = circle.name === '' ? t('circles.unnamed') : circle.name;

  return (
    <div className={away ? 'circle-chat circle-away' : 'circle-chat'}>
      <button type="button" className="link-button" onClick={onBack}>
        {t('circles.chat.back')}
      </button>
      <h1 ref={heading} tabIndex={-1} className="screen-title">
        {title}
      </h1>
      <p className="circle-timer">{t('circles.timerNote', { label: t(`circles.timers.${timerKeyOf(circle.timerMs)}`) })}</p>
      {circle.topic === '' ? null : <p className="lead">{circle.topic}</p>}
      <p className="muted">{t('circles.screenshotNote')}</p>
      {online ? null : <p role="status" className="muted">{t('circles.offline')}</p>}
      {circle.removed ? (
        <section role="alert" className="card circle-removed">
          <h2>{t('circles.chat.removed')}</h2>
          <p>{t('circles.chat.removedBody')}</p>
        </section>
      ) : null}
      {circle.peerAsk ? (
        <section role="status" className="card circle-peer-ask">
          <p>
            <strong>{t('circles.peerAsk.notice')}</strong>
          </p>
          <p>{t('circles.peerAsk.body')}</p>
          <button type="button" className="button button-quiet" onClick={() => void client.cancelPeerAsk(circle.circleId)}>
            {t('circles.peerAsk.cancel')}
          </button>
        </section>
      ) : null}
      {circle.rules === '' ? null : (
        <details className="circle-rules">
          <summary>{t('circles.chat.rules')}</summary>
          <p>{circle.rules}</p>
        </details>
      )}
      <MemberPanel client={client} circle={circle} steward={steward} nameOf={nameOf} />
      <section aria-labelledby={`msgs-${circle.circleId}`} className="circle-messages">
        <h2 id={`msgs-${circle.circleId}`} className="visually-hidden">
          {t('circles.chat.messages')}
        </h2>
        {rows.length === 0 ? <p className="muted">{t('circles.chat.empty')}</p> : null}
        <ul className="message-list" aria-labelledby={`msgs-${circle.circleId}`}>
          {rows.map((row) =>
            row.kind === 'day' ? (
              // A day begins: a heading inside its own list item (a list may hold only items).
              <li key={`day-${row.day}`} className="day-separator">
                <h3>{dayFormat.format(row.at)}</h3>
              </li>
            ) : (
              <MessageItem key={row.message.id} client={client} circleId={circle.circleId} message={row.message} senderName={nameOf(row.message.sender)} />
            ),
          )}
        </ul>
      </section>
      {/* A night-watch conversation of two: the member may send their safety plan, encrypted, after seeing it. */}
      {circle.nightWatch && circle.role === 'member' && !circle.removed && circle.members.length === 2 ? (
        <PlanShareInConversation port={client} circleId={circle.circleId} />
      ) : null}
      {circle.removed ? null : <Composer client={client} circleId={circle.circleId} />}
      {leaving ? (
        <div role="alertdialog" aria-labelledby="leave-title" className="card">
          <p id="leave-title">{t('circles.chat.leaveConfirm')}</p>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              void client.leave(circle.circleId).then(onBack);
            }}
          >
            {t('circles.chat.leaveYes')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setLeaving(false)}>
            {t('circles.chat.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-quiet circle-leave" onClick={() => setLeaving(true)}>
          {t('circles.chat.leave')}
        </button>
      )}
    </div>
  );
}
