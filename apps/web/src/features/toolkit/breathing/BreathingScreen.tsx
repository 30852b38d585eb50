import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check } from '../../../app/Field.js';
import { ToolkitLayout } from '../ui/ToolkitLayout.js';
import { browserClock } from './browser-clock.js';
import { BREATHING_PATTERNS, startStepTimer, vibrationFor, type BreathPhase, type BreathingPatternId, type StepPosition, type StepTimer } from './timed-steps.js';

const ROUNDS = [3, 5, 10] as const;

/** Box breathing and 4-7-8, guided by a circle (still when reduced motion is asked for) and optional vibration. */
export function BreathingScreen() {
  const { t } = useTranslation();
  const [pattern, setPattern] = useState<BreathingPatternId>('box');
  const [rounds, setRounds] = useState<number>(ROUNDS[0]);
  const [vibrate, setVibrate] = useState(false);
  const [position, setPosition] = useState<StepPosition<BreathPhase> | undefined>(undefined);
  const timer = useRef<StepTimer<BreathPhase> | undefined>(undefined);

  useEffect(() => () => timer.current?.stop(), []);

  const start = (): void => {
    timer.current?.stop();
    let lastIndex = -1;
    timer.current = startStepTimer<BreathPhase>(BREATHING_PATTERNS[pattern], rounds, browserClock, (p) => {
      setPosition(p);
      if (p.index !== lastIndex && !p.done) {
        lastIndex = p.index;
        if (vibrate && typeof navigator.vibrate === 'function') navigator.vibrate([...vibrationFor(p.kind)]);
      }
    });
  };
  const stop = (): void => {
    timer.current?.stop();
    timer.current = undefined;
    setPosition(undefined);
  };
  const running = position !== undefined && !position.done;
  const steps = BREATHING_PATTERNS[pattern];
  const seconds = position === undefined ? 0 : (steps[position.index]?.seconds ?? 0);

  return (
    <ToolkitLayout title={t('toolkit.breathing.title')}>
      <p className="lead">{t('toolkit.breathing.intro')}</p>
      <fieldset className="toolkit-chips toolkit-radios" disabled={running}>
        <legend>{t('toolkit.breathing.pattern')}</legend>
        {(Object.keys(BREATHING_PATTERNS) as BreathingPatternId[]).map((id) => (
          <label key={id}>
            <input type="radio" name="breathing-pattern" checked={pattern === id} onChange={() => setPattern(id)} />
            {t(`toolkit.breathing.${id}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="breathing-rounds">{t('toolkit.breathing.rounds')}</label>
        <select id="breathing-rounds" value={rounds} disabled={running} onChange={(e) => setRounds(Number(e.currentTarget.value))}>
          {ROUNDS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <Check label={t('toolkit.breathing.vibrate')} checked={vibrate} onChange={setVibrate} />
      <div className="toolkit-breath" aria-hidden="true">
        <div
          className="toolkit-breath-circle"
          data-phase={running ? position.kind : undefined}
          style={{ transitionDuration: `${seconds}s` }}
        >
          {running ? `${t(`toolkit.breathing.phase.${position.kind}`)} ${position.secondsLeft}` : ''}
        </div>
      </div>
      <p role="status" className="toolkit-step">
        {position === undefined
          ? ''
          : position.done
            ? t('toolkit.common.done')
            : `${t(`toolkit.breathing.phase.${position.kind}`)} · ${t('toolkit.breathing.round', { round: position.round + 1, rounds })}`}
      </p>
      {running ? (
        <button type="button" className="button" onClick={stop}>
          {t('toolkit.common.stop')}
        </button>
      ) : (
        <button type="button" className="button" onClick={start}>
          {t('toolkit.common.start')}
        </button>
      )}
    </ToolkitLayout>
  );
}
