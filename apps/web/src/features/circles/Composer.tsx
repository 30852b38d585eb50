import { mentionsUnder18 } from '@lamplight/safety';
import { findPii, type PiiKind } from '@lamplight/safety/pii';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CirclesClient } from './client.js';
import { browserCrisisCheck } from './crisis-port.js';
import { noteUnder18 } from '../safety/index.js';
import { CrisisPrompt } from './CrisisPrompt.js';
import { MAX_TEXT_LENGTH } from './envelope.js';
import { composerGate } from './view-model.js';

type Check = 'crisis' | 'pii';
type Open = Readonly<{ step: 'crisis'; tier: 'high' | 'imminent' }> | Readonly<{ step: 'pii'; kind: PiiKind }> | undefined;

/** The message box: gentle checks on this device before sending (never blocking), then send. */
export function Composer({ client, circleId }: { readonly client: CirclesClient; readonly circleId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Open>();
  const [acked, setAcked] = useState<ReadonlySet<Check>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const attempt = async (passed: ReadonlySet<Check>): Promise<void> => {
    const draft = text.trim();
    if (draft === '' || busy) return;
    setBusy(true);
    setFailed(false);
    // Someone who says they are under 18 is shown youth and protection lines (113) on Help now.
    if (mentionsUnder18(draft)) noteUnder18();
    try {
      const tier = await browserCrisisCheck()(draft).catch(() => 'none' as const);
      const gate = composerGate(tier, findPii(draft).map((f) => f.kind), passed);
      if (gate.step === 'crisis') {
        setOpen({ step: 'crisis', tier: tier === 'imminent' ? 'imminent' : 'high' });
        return;
      }
      if (gate.step === 'pii') {
        setOpen({ step: 'pii', kind: gate.kind });
        return;
      }
      setOpen(undefined);
      await client.sendText(circleId, draft);
      setText('');
      setAcked(new Set());
      box.current?.focus();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const passAndSend = (check: Check): void => {
    const next = new Set([...acked, check]);
    setAcked(next);
    setOpen(undefined);
    void attempt(next);
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void attempt(acked);
  };

  return (
    <div className="composer">
      {open?.step === 'crisis' ? <CrisisPrompt tier={open.tier} onSendAnyway={() => passAndSend('crisis')} /> : null}
      {open?.step === 'pii' ? (
        <section role="alertdialog" aria-labelledby={`${id}-pii`} className="card pii-warning">
          <p id={`${id}-pii`}>{t('circles.pii.warning', { kind: t(`circles.pii.kinds.${open.kind}`) })}</p>
          <p className="muted">{t('circles.pii.why')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(undefined);
              box.current?.focus();
            }}
          >
            {t('circles.pii.edit')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => passAndSend('pii')}>
            {t('circles.pii.sendAnyway')}
          </button>
        </section>
      ) : null}
      <form className="composer-form" onSubmit={submit}>
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {t('circles.chat.message')}
        </label>
        <textarea
          id={`${id}-text`}
          ref={box}
          value={text}
          maxLength={MAX_TEXT_LENGTH}
          rows={2}
          onChange={(e) => {
            setText(e.target.value);
            setAcked(new Set());
            setOpen(undefined);
          }}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('circles.chat.send')}
        </button>
      </form>
      {failed ? <p role="alert">{t('circles.chat.sendFailed')}</p> : null}
    </div>
  );
}
