import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToolkitLayout } from '../ui/ToolkitLayout.js';
import { browserClock } from './browser-clock.js';
import { BODY_SCAN_STEPS, GROUNDING_STEPS, startStepTimer, type StepPosition, type StepTimer } from './timed-steps.js';

type ScanKind = (typeof BODY_SCAN_STEPS)[number]['kind'];

/** 5-4-3-2-1 grounding, step by step at the member's pace, and a timed body scan. */
export function GroundingScreen() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [scan, setScan] = useState<StepPosition<ScanKind> | undefined>(undefined);
  const timer = useRef<StepTimer<ScanKind> | undefined>(undefined);
  useEffect(() => () => timer.current?.stop(), []);

  const current = GROUNDING_STEPS[step];
  const total = GROUNDING_STEPS.length;
  const scanning = scan !== undefined && !scan.done;

  return (
    <ToolkitLayout title={t('toolkit.grounding.title')}>
      <p className="lead">{t('toolkit.grounding.intro')}</p>
      <section className="card" aria-labelledby="grounding-five">
        <h2 id="grounding-five">{t('toolkit.grounding.fiveTitle')}</h2>
        <div role="status">
          {current === undefined ? (
            <p className="toolkit-step">{t('toolkit.common.done')}</p>
          ) : (
            <>
              <p className="muted">{t('toolkit.grounding.stepOf', { step: step + 1, total })}</p>
              <p className="toolkit-step">{t(`toolkit.grounding.senses.${current.sense}`, { count: current.count })}</p>
            </>
          )}
        </div>
        <div className="toolkit-row">
          {current === undefined ? (
            <button type="button" className="button" onClick={() => setStep(0)}>
              {t('toolkit.grounding.again')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-quiet" disabled={step === 0} onClick={() => setStep(step - 1)}>
                {t('toolkit.common.back')}
              </button>
              <button type="button" className="button" onClick={() => setStep(step + 1)}>
                {t('toolkit.common.next')}
              </button>
            </>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="grounding-scan">
        <h2 id="grounding-scan">{t('toolkit.grounding.bodyScanTitle')}</h2>
        <p className="muted">{t('toolkit.grounding.bodyScanIntro')}</p>
        <div role="status">
          {scan === undefined ? null : scan.done ? (
            <p className="toolkit-step">{t('toolkit.common.done')}</p>
          ) : (
            <>
              <p className="toolkit-step">{t(`toolkit.grounding.bodyScan.${scan.kind}`)}</p>
              <p className="muted">{t('toolkit.grounding.stepOf', { step: scan.index + 1, total: BODY_SCAN_STEPS.length })}</p>
            </>
          )}
        </div>
        {scanning ? <p className="muted">{t('toolkit.grounding.secondsLeft', { seconds: scan.secondsLeft })}</p> : null}
        {scanning ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              timer.current?.stop();
              setScan(undefined);
            }}
          >
            {t('toolkit.common.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              timer.current?.stop();
              timer.current = startStepTimer<ScanKind>(BODY_SCAN_STEPS, 1, browserClock, setScan);
            }}
          >
            {t('toolkit.common.start')}
          </button>
        )}
      </section>
    </ToolkitLayout>
  );
}
