import type { Locale } from '@lamplight/i18n';
import { API, apiPath, type WatchRequestView, type WatchStatusView, type WatchTier } from '@lamplight/protocol';
import { mentionsUnder18 } from '@lamplight/safety';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { ApiError, useVaultModel, useVaultView } from '../vault/index.js';
import { CallScript, RightNowSteps, TalkLines, YouthResources } from './HandoffParts.js';
import { rememberCheckIn } from './check-in.js';
import { availabilityOf, forgetRequest, isOpen, loadOpenRequest, phaseOf, rememberRequest, TIER_CHOICES, type RequestPhase } from './night-watch.js';
import { useWatchNudges } from './use-watch-nudges.js';
import { noteUnder18 } from './youth-signal.js';
import './safety.css';

function timeText(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-Hant-TW', { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/** "Someone is on watch" or "nobody, next shift at …". */
function StatusLine({ status, locale }: { readonly status: WatchStatusView | undefined | 'failed'; readonly locale: Locale }) {
  const { t } = useTranslation();
  if (status === undefined) return <p role="status" />;
  if (status === 'failed') return <p role="status">{t('safety.nightWatch.statusUnknown')}</p>;
  const a = availabilityOf(status);
  return (
    <p role="status" className="statement">
      {a.kind === 'on-duty'
        ? t('safety.nightWatch.onDuty', { count: a.count })
        : `${t('safety.nightWatch.nobody')}${a.nextShiftStartsAt === undefined ? '' : ` ${t('safety.nightWatch.nextShift', { time: timeText(a.nextShiftStartsAt, locale) })}`}`}
    </p>
  );
}

/** The gentle question and the ask. */
function AskForm({ locale, busy, onAsk }: { readonly locale: Locale; readonly busy: boolean; readonly onAsk: (tier: WatchTier) => void }) {
  const { t } = useTranslation();
  const [tier, setTier] = useState<WatchTier>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const under18 = mentionsUnder18(note);
  useEffect(() => {
    if (under18) noteUnder18();
  }, [under18]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (tier === undefined) {
          setProblem(t('safety.nightWatch.chooseFirst'));
          return;
        }
        onAsk(tier);
      }}
    >
      <fieldset className="safety-choices">
        <legend>{t('safety.nightWatch.howTitle')}</legend>
        {TIER_CHOICES.map((c) => (
          <label key={c.tier} className="toggle">
            <input type="radio" name="tier" value={c.tier} checked={tier === c.tier} onChange={() => setTier(c.tier)} />
            {t(`safety.nightWatch.${c.key}`)}
          </label>
        ))}
      </fieldset>
      {problem !== undefined && tier === undefined ? <p className="problem">{problem}</p> : null}
      <Field label={t('safety.nightWatch.noteLabel')} value={note} onChange={setNote} hint={t('safety.nightWatch.noteHint')} multiline />
      {under18 ? <YouthResources locale={locale} /> : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('safety.nightWatch.asking') : t('safety.nightWatch.ask')}
      </button>
    </form>
  );
}

/** After a request ends: would a check-in tomorrow be welcome? Kept locally only. */
function CheckInQuestion({ onAnswer }: { readonly onAnswer: (yes: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <p id={id}>{t('safety.nightWatch.checkInQuestion')}</p>
      <p className="muted">{t('safety.nightWatch.checkInHint')}</p>
      <div className="safety-actions">
        <button type="button" className="button" onClick={() => onAnswer(true)}>
          {t('safety.nightWatch.checkInYes')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onAnswer(false)}>
          {t('safety.nightWatch.checkInNo')}
        </button>
      </div>
    </div>
  );
}

type Open = Readonly<{ requestId: string; view: WatchRequestView }>;

/** The request as it stands: hand-off, waiting, accompanied, or ended. */
function RequestView({
  phase,
  locale,
  onCancel,
  onClose,
  onCheckIn,
  onAgain,
  asked,
  kept,
}: {
  readonly phase: RequestPhase;
  readonly locale: Locale;
  readonly onCancel: () => void;
  readonly onClose: (checkIn: boolean) => void;
  readonly onCheckIn: (yes: boolean) => void;
  readonly onAgain: () => void;
  readonly asked: boolean;
  readonly kept: boolean;
}) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState(false);
  const cancel = (
    <button type="button" className="button button-quiet" onClick={onCancel}>
      {t('safety.nightWatch.cancel')}
    </button>
  );
  switch (phase) {
    case 'handoff':
      return (
        <section aria-labelledby="nw-phase">
          <h2 id="nw-phase">{t('safety.nightWatch.handoffTitle')}</h2>
          <p className="lead">{t('safety.nightWatch.handoffIntro')}</p>
          <TalkLines locale={locale} />
          <CallScript />
          <RightNowSteps />
          <p className="muted">{t('safety.nightWatch.handoffStillOpen')}</p>
          {cancel}
        </section>
      );
    case 'waiting':
      return (
        <section aria-labelledby="nw-phase">
          <h2 id="nw-phase">{t('safety.nightWatch.waitingTitle')}</h2>
          <p className="lead">{t('safety.nightWatch.waitingIntro')}</p>
          <TalkLines locale={locale} />
          <CallScript />
          {cancel}
        </section>
      );
    case 'accompanied':
      return (
        <section aria-labelledby="nw-phase">
          <h2 id="nw-phase">{t('safety.nightWatch.accompaniedTitle')}</h2>
          <p className="lead">{t('safety.nightWatch.accompaniedIntro')}</p>
          <p>{t('safety.nightWatch.conversationPending')}</p>
          {closing ? (
            <CheckInQuestion onAnswer={onClose} />
          ) : (
            <button type="button" className="button button-quiet" onClick={() => setClosing(true)}>
              {t('safety.nightWatch.close')}
            </button>
          )}
        </section>
      );
    case 'closed':
    case 'cancelled':
      return (
        <section aria-labelledby="nw-phase">
          <h2 id="nw-phase">{phase === 'closed' ? t('safety.nightWatch.closedTitle') : t('safety.nightWatch.cancelledTitle')}</h2>
          {phase === 'closed' ? <p>{t('safety.nightWatch.closedThanks')}</p> : null}
          {phase === 'closed' && !asked ? <CheckInQuestion onAnswer={onCheckIn} /> : null}
          {kept ? <p role="status">{t('safety.nightWatch.checkInKept')}</p> : null}
          <button type="button" className="button" onClick={onAgain}>
            {t('safety.nightWatch.askAgain')}
          </button>
        </section>
      );
  }
}

/** The member's side of the night watch, for a profile with an account. */
function NightWatch({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const model = useVaultModel();
  const [status, setStatus] = useState<WatchStatusView | 'failed'>();
  const [open, setOpen] = useState<Open>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(false);
  const [kept, setKept] = useState(false);

  const refresh = useCallback(
    async (requestId: string): Promise<void> => {
      try {
        const view = await model.call<WatchRequestView>('GET', apiPath(API.watchRequest, { requestId }));
        setOpen({ requestId, view });
        if (!isOpen(phaseOf(view))) await forgetRequest(model.records());
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) {
          await forgetRequest(model.records());
          setOpen(undefined);
        }
      }
    },
    [model],
  );

  useEffect(() => {
    let live = true;
    model.call<WatchStatusView>('GET', API.watchStatus).then(
      (s) => live && setStatus(s),
      () => live && setStatus('failed'),
    );
    loadOpenRequest(model.records()).then(
      (r) => (r === undefined || !live ? undefined : refresh(r.requestId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [model, refresh]);

  const phase = open === undefined ? undefined : phaseOf(open.view);
  const requestId = open?.requestId;
  // The server nudges this account when its request changes; a slow poll covers a dropped socket.
  const refetch = useCallback(() => {
    if (requestId !== undefined) void refresh(requestId);
  }, [requestId, refresh]);
  useWatchNudges(refetch, requestId !== undefined && phase !== undefined && isOpen(phase));

  const ask = async (tier: WatchTier): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      const view = await model.call<WatchRequestView>('POST', API.watchRequests, { tier, origin: 'self' });
      await rememberRequest(model.records(), { requestId: view.requestId, createdAt: Date.now() });
      setAsked(false);
      setKept(false);
      setOpen({ requestId: view.requestId, view });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const act = async (path: string, body?: unknown): Promise<void> => {
    if (open === undefined) return;
    try {
      const view = await model.call<WatchRequestView>('POST', apiPath(path, { requestId: open.requestId }), body);
      setOpen({ requestId: open.requestId, view });
      await forgetRequest(model.records());
    } catch {
      setFailed(true);
    }
  };

  const keepCheckIn = async (yes: boolean): Promise<void> => {
    setAsked(true);
    if (!yes) return;
    await rememberCheckIn(model.records(), Date.now());
    setKept(true);
  };

  return (
    <>
      <StatusLine status={status} locale={locale} />
      {failed ? (
        <>
          <p role="alert" className="problem">
            {t('safety.nightWatch.failed')}
          </p>
          <TalkLines locale={locale} />
        </>
      ) : null}
      {open === undefined || phase === undefined ? (
        <AskForm locale={locale} busy={busy} onAsk={(tier) => void ask(tier)} />
      ) : (
        <RequestView
          phase={phase}
          locale={locale}
          asked={asked}
          kept={kept}
          onCancel={() => void act(API.watchRequestCancel)}
          onClose={(checkIn) => {
            setAsked(true);
            void act(API.watchRequestClose, { checkInTomorrow: checkIn }).then(() => (checkIn ? keepCheckIn(true) : undefined));
          }}
          onCheckIn={(yes) => void keepCheckIn(yes)}
          onAgain={() => setOpen(undefined)}
        />
      )}
    </>
  );
}

/**
 * 「現在找守夜夥伴」: whether someone is on watch, the gentle question, and
 * the request's state. With nobody on duty the server answers with a
 * hand-off at once, and the hotlines and the script appear immediately.
 */
export function NightWatchScreen({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const view = useVaultView();
  const account = view.status === 'unlocked' ? view.account : undefined;
  return (
    <>
      <ScreenTitle>{t('safety.nightWatch.title')}</ScreenTitle>
      <p className="lead">{t('safety.nightWatch.intro')}</p>
      {account === undefined ? (
        <>
          {view.status === 'unlocked' ? <p role="status" className="statement">{t('safety.nightWatch.nobody')}</p> : null}
          <TalkLines locale={locale} />
          <CallScript />
          {view.status === 'unlocked' ? null : <p>{t('safety.nightWatch.noAccount')}</p>}
          {view.status === 'locked' ? (
            <AppLink to="unlock" className="button">
              {t('welcome.unlock')}
            </AppLink>
          ) : null}
        </>
      ) : (
        <NightWatch locale={locale} />
      )}
    </>
  );
}
