import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultModel, useVaultView } from '../../vault/index.js';
import { LOCAL_KEYS, type ReminderSettings } from '../model/records.js';
import '../toolkit.css';
import { reminderDue } from './reminder-model.js';

const CHECK_EVERY_MS = 30_000;

/**
 * Shows the member's own reminders while the app is open and unlocked: a
 * system notification when allowed, otherwise this banner. The words never
 * say what the app is; nothing is scheduled on the server.
 */
export function ReminderBanner() {
  const { t } = useTranslation();
  const model = useVaultModel();
  const view = useVaultView();
  const [showing, setShowing] = useState(false);
  const unlocked = view.status === 'unlocked';

  useEffect(() => {
    if (!unlocked) return;
    let live = true;
    const check = async (): Promise<void> => {
      const records = model.records();
      const settings = await records.get<ReminderSettings>(LOCAL_KEYS.reminders);
      if (!live || settings === undefined || settings.times.length === 0) return;
      const now = Date.now();
      const due = reminderDue(settings.times, settings.lastCheckedAt ?? now, now);
      await records.put(LOCAL_KEYS.reminders, { ...settings, lastCheckedAt: now });
      if (!due || !live) return;
      const text = t('toolkit.reminder.text');
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        try {
          new Notification(text, { silent: false });
          return;
        } catch {
          // Some mobile browsers allow notifications only from a service worker: fall back to the banner.
        }
      }
      setShowing(true);
    };
    const tick = (): void => void check().catch(() => undefined);
    tick();
    const handle = window.setInterval(tick, CHECK_EVERY_MS);
    return () => {
      live = false;
      window.clearInterval(handle);
    };
  }, [unlocked, model, t]);

  if (!showing || !unlocked) return null;
  return (
    <div className="toolkit-banner" role="status">
      <p>{t('toolkit.reminder.text')}</p>
      <button type="button" className="link-button" onClick={() => setShowing(false)}>
        {t('toolkit.reminder.dismiss')}
      </button>
    </div>
  );
}
