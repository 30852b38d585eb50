import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive action in two steps: the button, then "are you sure?" with confirm and cancel. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
}: {
  readonly label: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const go = async (): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      await onConfirm();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-label={label}>
      <p>{t('settings.confirmQuestion')}</p>
      <button type="button" className="button button-danger" disabled={busy} onClick={() => void go()}>
        {confirmLabel}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
      {failed ? (
        <p role="alert" className="problem">
          {t('common.generic')}
        </p>
      ) : null}
    </div>
  );
}
