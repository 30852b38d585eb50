import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_KEYS, type ReminderSettings } from '../model/records.js';
import { useToolkitStore } from '../use-toolkit.js';
import { isReminderTime, normalizeTimes } from './reminder-model.js';

/** Local reminder times; nothing is sent anywhere. */
export function RemindersSection() {
  const { t } = useTranslation();
  const store = useToolkitStore();
  const [settings, setSettings] = useState<ReminderSettings>({ times: [], lastCheckedAt: undefined });
  const [time, setTime] = useState('21:00');
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const id = useId();

  useEffect(() => {
    void store.getLocal<ReminderSettings>(LOCAL_KEYS.reminders).then(
      (s) => {
        if (s !== undefined) setSettings({ times: normalizeTimes(s.times), lastCheckedAt: s.lastCheckedAt });
      },
      () => undefined,
    );
  }, [store]);

  const update = async (times: readonly string[]): Promise<void> => {
    const next = { times: normalizeTimes(times), lastCheckedAt: settings.lastCheckedAt ?? Date.now() };
    await store.putLocal(LOCAL_KEYS.reminders, next);
    setSettings(next);
  };

  return (
    <section className="card" aria-labelledby="data-reminders">
      <h2 id="data-reminders">{t('toolkit.data.remindersTitle')}</h2>
      <p className="muted">{t('toolkit.data.remindersIntro')}</p>
      {settings.times.length === 0 ? (
        <p className="muted">{t('toolkit.data.noReminders')}</p>
      ) : (
        <ul className="toolkit-list">
          {settings.times.map((x) => (
            <li key={x} className="toolkit-row">
              <span>{x}</span>
              <button type="button" className="link-button" onClick={() => void update(settings.times.filter((y) => y !== x))}>
                {t('toolkit.data.removeReminder', { time: x })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={id}>{t('toolkit.data.reminderTime')}</label>
        <input id={id} type="time" value={time} onChange={(e) => setTime(e.currentTarget.value)} />
      </div>
      <button type="button" className="button" disabled={!isReminderTime(time)} onClick={() => void update([...settings.times, time])}>
        {t('toolkit.data.addReminder')}
      </button>
      {permission === 'default' ? (
        <p>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void Notification.requestPermission().then(setPermission, () => undefined)}
          >
            {t('toolkit.data.allowNotifications')}
          </button>
        </p>
      ) : null}
      {permission === 'granted' ? null : <p className="muted">{t('toolkit.data.notificationsOff')}</p>}
    </section>
  );
}
