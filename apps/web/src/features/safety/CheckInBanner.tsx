import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { dismissCheckIn, isCheckInDue, loadCheckIn } from './check-in.js';
import { useSafetyRecords } from './use-safety-records.js';
import './safety.css';

/**
 * The "check in tomorrow" reminder the member asked for, once it is due:
 * an in-app banner only (it lives in the vault; nothing is pushed).
 */
export function CheckInBanner() {
  const { t } = useTranslation();
  const records = useSafetyRecords();
  const [due, setDue] = useState(false);
  useEffect(() => {
    setDue(false);
    if (records === undefined) return;
    let live = true;
    loadCheckIn(records).then(
      (r) => live && setDue(isCheckInDue(r, Date.now())),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [records]);
  if (!due || records === undefined) return null;
  const dismiss = (): void => {
    setDue(false);
    void dismissCheckIn(records).catch(() => undefined);
  };
  return (
    <div className="safety-banner" role="region" aria-label={t('safety.checkIn.banner')}>
      <p>{t('safety.checkIn.banner')}</p>
      <div className="safety-actions">
        <AppLink to="nightWatch" className="button">
          {t('safety.checkIn.talk')}
        </AppLink>
        <button type="button" className="button button-quiet" onClick={dismiss}>
          {t('safety.checkIn.dismiss')}
        </button>
      </div>
    </div>
  );
}
