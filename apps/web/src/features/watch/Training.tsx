import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfessionalDuty } from '../safety/index.js';

/** Short training text: the member's pace, walking beside rather than rescuing, their choice, our limits. */
export function Training() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <section className="card" aria-labelledby={id}>
        <h2 id={id}>{t('watch.trainingTitle')}</h2>
        <ul>
          <li>{t('watch.trainingPace')}</li>
          <li>{t('watch.trainingBeside')}</li>
          <li>{t('watch.trainingAsk')}</li>
          <li>{t('watch.trainingChoice')}</li>
          <li>{t('watch.trainingLimits')}</li>
        </ul>
      </section>
      <ProfessionalDuty />
    </>
  );
}
