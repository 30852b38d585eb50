import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CirclesClient } from './client.js';
import type { StoredMessage } from './records.js';

/** One message: who, what, when, how far it got (mine), and for others' messages a report and, when this device read high risk, guidance for the reader. */
export function MessageItem({
  client,
  circleId,
  message,
  senderName,
}: {
  readonly client: CirclesClient;
  readonly circleId: string;
  readonly message: StoredMessage;
  readonly senderName: string;
}) {
  const { t, i18n } = useTranslation();
  const [reporting, setReporting] = useState<'ask' | 'done' | undefined>();
  const [asked, setAsked] = useState(false);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone: 'Asia/Taipei' }).format(message.sentAt);
  return (
    <li className={message.mine ? 'message mine' : 'message'}>
      <div className="message-head">
        <span className="message-sender">{senderName}</span>
        <span className="message-time">{time}</span>
        {message.mine && message.delivery !== undefined ? (
          <span className={`message-delivery delivery-${message.delivery}`}>{t(`circles.chat.${message.delivery}`)}</span>
        ) : null}
      </div>
      <p className="message-text">{message.text}</p>
      {!message.mine && message.risk !== undefined ? (
        <aside className="reader-guidance" aria-label={t('circles.reader.title')}>
          <p>
            <strong>{t('circles.reader.title')}</strong>
          </p>
          <ul>
            <li>{t('circles.reader.ask')}</li>
            <li>{t('circles.reader.listen')}</li>
            <li>{t('circles.reader.secret')}</li>
            <li>{t('circles.reader.watch')}</li>
          </ul>
          {asked ? (
            <p role="status">{t('circles.reader.asked')}</p>
          ) : (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                void client.askCheckIn(circleId, message.sender).then(() => setAsked(true));
              }}
            >
              {t('circles.reader.button')}
            </button>
          )}
        </aside>
      ) : null}
      {message.mine ? null : reporting === 'done' ? (
        <p role="status" className="muted">
          {t('circles.report.done')}
        </p>
      ) : reporting === 'ask' ? (
        <div role="alertdialog" aria-label={t('circles.report.action')} className="report-confirm">
          <p>{t('circles.report.confirm')}</p>
          <button type="button" className="button" onClick={() => void client.report(circleId, message.id).then(() => setReporting('done'))}>
            {t('circles.report.yes')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setReporting(undefined)}>
            {t('circles.chat.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="link-button message-report" onClick={() => setReporting('ask')}>
          {t('circles.report.action')}
        </button>
      )}
    </li>
  );
}
