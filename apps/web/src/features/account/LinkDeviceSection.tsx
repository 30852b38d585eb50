import { formatLinkCode } from '@lamplight/crypto';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commonErrorKey } from '../vault/error-text.js';
import { useVaultModel } from '../vault/VaultProvider.js';

/** Show a one-time code that lets a new device take on this identity. */
export function LinkDeviceSection({ locale }: { readonly locale: string }) {
  const { t } = useTranslation();
  const id = useId();
  const model = useVaultModel();
  const [offer, setOffer] = useState<Readonly<{ code: string; expiresAt: number }>>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const create = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      setOffer(await model.offerLink());
    } catch (error) {
      setFailure(t(commonErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const time = (ms: number): string =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-Hant-TW', { timeStyle: 'short' }).format(new Date(ms));

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('settings.linkTitle')}</h2>
      <p className="muted">{t('settings.linkHint')}</p>
      <button type="button" className="button button-quiet" disabled={busy} onClick={() => void create()}>
        {t('settings.linkCreate')}
      </button>
      {offer === undefined ? null : (
        <div role="status">
          <p className="link-code">{t('settings.linkCode', { code: formatLinkCode(offer.code) })}</p>
          <p>{t('settings.linkExpires', { time: time(offer.expiresAt) })}</p>
        </div>
      )}
      {failure === undefined ? null : (
        <p role="alert" className="problem">
          {failure}
        </p>
      )}
    </section>
  );
}
