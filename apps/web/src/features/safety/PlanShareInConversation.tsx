import type { Locale } from '@lamplight/i18n';
import { safetyPlanToText } from '@lamplight/safety';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPlan } from './plan-store.js';
import { planMessages } from './plan-message.js';
import { useSafetyRecords } from './use-safety-records.js';
import './safety.css';

/** What sharing needs from the circles client: an end-to-end encrypted text message in one circle. */
export interface PlanSendPort {
  sendText(circleId: string, text: string): Promise<void>;
}

/** Longest text one circle message may carry (the circles envelope's limit). */
export const PLAN_MESSAGE_MAX = 4000;

/**
 * "Share my safety plan" inside a night-watch conversation, for the member:
 * the plan is read from the vault, shown in full exactly as it will be sent,
 * and only on "Send" goes into the circle as MLS-encrypted messages. The
 * server relays ciphertext; it never sees the plan.
 */
export function PlanShareInConversation({ port, circleId }: { readonly port: PlanSendPort; readonly circleId: string }) {
  const { t, i18n } = useTranslation();
  const records = useSafetyRecords();
  const id = useId();
  const textId = useId();
  const [text, setText] = useState<string>();
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  if (records === undefined) return null;
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-TW';

  const prepare = async (): Promise<void> => {
    setState('idle');
    try {
      const loaded = await loadPlan(records, TAIWAN_DIRECTORY);
      setText(safetyPlanToText(loaded.plan, locale));
    } catch {
      setState('failed');
    }
  };
  const send = async (): Promise<void> => {
    if (text === undefined) return;
    setState('sending');
    try {
      for (const part of planMessages(text, PLAN_MESSAGE_MAX)) await port.sendText(circleId, part);
      setText(undefined);
      setState('sent');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="plan-share-chat">
      {text === undefined ? (
        <button type="button" className="button button-quiet" onClick={() => void prepare()}>
          {t('safety.plan.shareInChat')}
        </button>
      ) : (
        <section role="dialog" aria-labelledby={id} className="card">
          <h2 id={id}>{t('safety.plan.shareConfirmTitle')}</h2>
          <p>{t('safety.plan.shareConfirmHint')}</p>
          <label htmlFor={textId} className="visually-hidden">
            {t('safety.plan.planText')}
          </label>
          <textarea id={textId} readOnly rows={10} value={text} className="safety-plan-text" />
          <div className="safety-actions">
            <button type="button" className="button" disabled={state === 'sending'} onClick={() => void send()}>
              {t('safety.plan.shareSend')}
            </button>
            <button type="button" className="button button-quiet" disabled={state === 'sending'} onClick={() => setText(undefined)}>
              {t('safety.plan.shareCancel')}
            </button>
          </div>
        </section>
      )}
      <p role="status">{state === 'sent' ? t('safety.plan.shareSent') : ''}</p>
      {state === 'failed' ? (
        <p role="alert" className="problem">
          {t('safety.plan.shareFailed')}
        </p>
      ) : null}
    </div>
  );
}
