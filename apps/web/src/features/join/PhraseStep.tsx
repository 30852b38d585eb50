import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { checkPhraseWords, phraseWords, pickCheckPositions } from './phrase-check.js';

function secureRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

/**
 * Shows the recovery phrase once, then asks for two of its words before
 * the member may go on.
 */
export function PhraseStep({ phrase, onDone }: { readonly phrase: string; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const words = useMemo(() => phraseWords(phrase), [phrase]);
  const positions = useMemo(() => pickCheckPositions(words.length, secureRandom), [words]);
  const [typed, setTyped] = useState<readonly [string, string]>(['', '']);
  const [result, setResult] = useState<'ok' | 'failed' | undefined>();

  const check = (event: FormEvent): void => {
    event.preventDefault();
    const ok = checkPhraseWords(words, positions.map((position, i) => ({ position, typed: typed[i] ?? '' })));
    setResult(ok ? 'ok' : 'failed');
  };

  return (
    <>
      <ScreenTitle>{t('join.phraseTitle')}</ScreenTitle>
      <p className="lead">{t('join.phraseIntro')}</p>
      <ol className="phrase" aria-labelledby={`${id}-words`}>
        {words.map((word, i) => (
          <li key={i}>{word}</li>
        ))}
      </ol>
      <p id={`${id}-words`}>{t('join.phraseKeep')}</p>
      <form className="card" onSubmit={check} noValidate>
        <p>{t('join.checkIntro')}</p>
        {positions.map((position, i) => (
          <Field
            key={position}
            label={t('join.wordLabel', { n: position })}
            value={typed[i] ?? ''}
            onChange={(v) => setTyped(i === 0 ? [v, typed[1]] : [typed[0], v])}
          />
        ))}
        <button type="submit" className="button">
          {t('join.check')}
        </button>
        <p role="status" className={result === 'failed' ? 'problem' : undefined}>
          {result === 'ok' ? t('join.checkOk') : result === 'failed' ? t('join.checkFailed') : ''}
        </p>
      </form>
      {result === 'ok' ? (
        <button type="button" className="button" onClick={onDone}>
          {t('join.saved')}
        </button>
      ) : null}
    </>
  );
}
