import type { Locale } from '@lamplight/i18n';
import { API, type WatchMeView, type WatchTier } from '@lamplight/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { UnlockScreen } from '../unlock/UnlockScreen.js';
import { useCirclesClient } from '../circles/index.js';
import { SAFETY_KEYS } from '../safety/index.js';
import { useWatchNudges } from '../safety/use-watch-nudges.js';
import { useVaultModel, useVaultView } from '../vault/index.js';
import { BurnoutCheck } from './BurnoutCheck.js';
import { DebriefForm } from './DebriefForm.js';
import { QueueSection } from './QueueSection.js';
import { ShiftsSection } from './ShiftsSection.js';
import { coversNow } from './shifts.js';
import { Training } from './Training.js';
import { shortTime, useNow } from './use-now.js';
import './watch.css';

/** Role, badge, on/off shift, caseload and any cool-down. */
function StatusCard({ me, onShift, now, locale }: { readonly me: WatchMeView; readonly onShift: boolean; readonly now: number; readonly locale: Locale }) {
  const { t } = useTranslation();
  const cooling = me.coolDownUntil !== undefined && me.coolDownUntil > now ? me.coolDownUntil : undefined;
  return (
    <section className="card" aria-label={t('watch.title')}>
      <p>
        {me.role === 'professional' ? t('watch.roleProfessional') : t('watch.roleNightWatcher')}
        {me.verified ? (
          <>
            {' '}
            <span className="watch-badge">{t('watch.verified')}</span>
          </>
        ) : null}
      </p>
      {me.verified ? <p className="muted">{t('watch.verifiedHint')}</p> : null}
      <p className="statement" role="status">
        {onShift ? t('watch.onShift') : t('watch.offShift')}
      </p>
      {onShift ? <p>{t('watch.caseload', { count: me.caseload, cap: me.caseloadCap })}</p> : null}
      {cooling === undefined ? null : <p>{t('watch.coolDown', { time: shortTime(cooling, locale) })}</p>}
    </section>
  );
}

/** A responder's own debriefs: how many, and the form when one is due or asked for. */
function Debriefs({ pendingTier, onDone }: { readonly pendingTier: WatchTier | undefined | null; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const [count, setCount] = useState<number>();
  const [writing, setWriting] = useState(false);
  const [saved, setSaved] = useState(false);
  const load = useCallback(() => {
    model
      .records()
      .list(SAFETY_KEYS.debriefPrefix)
      .then((keys) => setCount(keys.length), () => undefined);
  }, [model]);
  useEffect(load, [load]);
  const open = writing || pendingTier !== null;
  return (
    <>
      {open ? (
        <DebriefForm
          tier={pendingTier ?? undefined}
          onSaved={() => {
            load();
            setSaved(true);
            setWriting(false);
            onDone();
          }}
        />
      ) : (
        <div className="safety-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setSaved(false);
              setWriting(true);
            }}
          >
            {t('watch.debriefWrite')}
          </button>
        </div>
      )}
      <p role="status">{saved ? t('watch.debriefSaved') : ''}</p>
      {count === undefined || count === 0 ? null : <p className="muted">{t('watch.debriefCount', { count })}</p>}
    </>
  );
}

/** The responder's screen once signed in. */
function Responder({ locale, steward }: { readonly locale: Locale; readonly steward: boolean }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  // The circles client opens the two-person encrypted conversation after an accept.
  const circles = useCirclesClient();
  const now = useNow(15_000);
  const [me, setMe] = useState<WatchMeView>();
  const [failed, setFailed] = useState(false);
  // `null`: no debrief due; a tier (or undefined) once a hard conversation has closed.
  const [pendingTier, setPendingTier] = useState<WatchTier | undefined | null>(null);

  const load = useCallback(() => {
    model.call<WatchMeView>('GET', API.watchMe).then(
      (m) => {
        setMe(m);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [model]);
  useEffect(load, [load]);
  // Caseload and cool-down change with the queue: ask again on every night-watch nudge (a failed
  // refresh keeps what is shown; the first load reports problems).
  const refresh = useCallback(() => {
    model.call<WatchMeView>('GET', API.watchMe).then(setMe, () => undefined);
  }, [model]);
  useWatchNudges(refresh, true);

  const adminLink = steward ? (
    <AppLink to="watchAdmin" className="button button-quiet">
      {t('watch.adminLink')}
    </AppLink>
  ) : null;

  if (failed)
    return (
      <p role="alert" className="problem">
        {t('common.network')}
      </p>
    );
  if (me === undefined) return null;
  if (me.role === undefined) {
    return (
      <>
        <p className="lead">{t('watch.notResponder')}</p>
        {adminLink}
        <Training />
      </>
    );
  }
  const onShift = coversNow(me.shifts, now);
  return (
    <>
      <StatusCard me={me} onShift={onShift} now={now} locale={locale} />
      <QueueSection
        conversation={circles}
        onShift={onShift}
        now={now}
        onChanged={load}
        onClosed={(tier) => {
          if (tier === 'imminent') setPendingTier(tier);
        }}
      />
      <Debriefs pendingTier={pendingTier} onDone={() => setPendingTier(null)} />
      <ShiftsSection shifts={me.shifts} now={now} locale={locale} onChanged={load} />
      <BurnoutCheck />
      <Training />
      {adminLink}
    </>
  );
}

/**
 * "Night watch" for night-watchers and professional volunteers: shifts, the
 * queue only while on shift, accept and close, the debrief and cool-down
 * after a hard conversation, a burnout self-check, and the training text.
 */
export function WatchScreen({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const view = useVaultView();
  const account = view.status === 'unlocked' ? view.account : undefined;
  if (view.status === 'locked') return <UnlockScreen goHome={false} />;
  return (
    <>
      <ScreenTitle>{t('watch.title')}</ScreenTitle>
      {account === undefined ? (
        <p className="lead">{t('watch.notResponder')}</p>
      ) : (
        <Responder locale={locale} steward={account.role === 'steward'} />
      )}
    </>
  );
}
