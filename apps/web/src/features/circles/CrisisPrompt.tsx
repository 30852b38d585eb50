import { API, type WatchRequestView } from '@lamplight/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationStore } from '../../app/router.js';
import { useDirectory } from '../hotlines/DirectoryProvider.js';
import { footerHotlines } from '../hotlines/hotlines.js';
import { useVaultModel } from '../vault/index.js';

type WatchState = 'idle' | 'asking' | 'accompanied' | 'waiting' | 'failed';

/**
 * Asked before sending a draft this device reads as high or imminent risk:
 * 「你現在安全嗎？」, the safety plan, the night watch, the hotlines — and the
 * member can always send anyway.
 */
export function CrisisPrompt({ tier, onSendAnyway }: { readonly tier: 'high' | 'imminent'; readonly onSendAnyway: () => void }) {
  const { t, i18n } = useTranslation();
  const model = useVaultModel();
  const store = useLocationStore();
  const title = useRef<HTMLHeadingElement>(null);
  const [watch, setWatch] = useState<WatchState>('idle');
  useEffect(() => title.current?.focus(), []);
  const directory = useDirectory();
  const lines = footerHotlines(directory, i18n.language === 'en' ? 'en' : 'zh-TW');

  const askWatch = async (): Promise<void> => {
    setWatch('asking');
    try {
      const r = await model.call<WatchRequestView>('POST', API.watchRequests, { tier, origin: 'self' });
      if (r.handoff) {
        store.navigate('help');
        return;
      }
      setWatch(r.accompanied ? 'accompanied' : 'waiting');
    } catch {
      setWatch('failed');
    }
  };

  return (
    <section role="alertdialog" aria-labelledby="crisis-ask" className="card crisis-prompt">
      <h2 id="crisis-ask" ref={title} tabIndex={-1}>
        {t('circles.crisis.ask')}
      </h2>
      <p>{t('circles.crisis.body')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => store.navigate('safetyPlan')}>
          {t('circles.crisis.plan')}
        </button>
        <button type="button" className="button" disabled={watch === 'asking'} onClick={() => void askWatch()}>
          {t('circles.crisis.watch')}
        </button>
      </div>
      {watch === 'accompanied' ? <p role="status">{t('circles.crisis.watchAccompanied')}</p> : null}
      {watch === 'waiting' ? <p role="status">{t('circles.crisis.watchWaiting')}</p> : null}
      {watch === 'failed' ? <p role="status">{t('circles.crisis.watchFailed')}</p> : null}
      <h3>{t('circles.crisis.hotlines')}</h3>
      <ul className="hotline-list">
        {lines.map((line) => (
          <li key={line.id}>
            <a className="hotline" href={line.href}>
              <span className="hotline-number">{line.number}</span>
              <span className="hotline-name">{line.name}</span>
            </a>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={onSendAnyway}>
        {t('circles.crisis.sendAnyway')}
      </button>
    </section>
  );
}
