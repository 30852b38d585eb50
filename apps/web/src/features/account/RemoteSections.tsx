import { API, apiPath, type DevicesResponse, type MembersResponse } from '@lamplight/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { commonErrorKey } from '../vault/error-text.js';
import { formatDay, useRemote } from '../vault/use-remote.js';
import { useVaultModel } from '../vault/VaultProvider.js';
import { ConfirmButton } from './ConfirmButton.js';

/** The member's devices; any but this one can be removed. */
export function DevicesSection({ locale }: { readonly locale: string }) {
  const { t } = useTranslation();
  const id = useId();
  const model = useVaultModel();
  const remote = useRemote((m) => m.call<DevicesResponse>('GET', API.devices), true);
  const remove = async (deviceId: string): Promise<void> => {
    await model.call('DELETE', apiPath(API.device, { deviceId })).catch(() => undefined);
    remote.reload();
  };
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('settings.devicesTitle')}</h2>
      <ul className="plain-list">
        {(remote.data?.devices ?? []).map((d) => (
          <li key={d.deviceId}>
            {d.current ? t('settings.deviceThis', { date: formatDay(d.createdDay, locale) }) : t('settings.deviceOther', { date: formatDay(d.createdDay, locale) })}
            {d.current ? null : (
              <button type="button" className="link-button" onClick={() => void remove(d.deviceId)}>
                {t('settings.deviceRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {remote.error === undefined ? null : <p className="problem">{t(commonErrorKey(remote.error))}</p>}
    </section>
  );
}

/** Stewards: the community's members; anyone but oneself can be removed. */
export function MembersSection({ ownId }: { readonly ownId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const model = useVaultModel();
  const remote = useRemote((m) => m.call<MembersResponse>('GET', API.members), true);
  const remove = async (accountId: string): Promise<void> => {
    await model.call('DELETE', apiPath(API.member, { accountId }));
    remote.reload();
  };
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('settings.membersTitle')}</h2>
      <ul className="plain-list">
        {(remote.data?.members ?? []).map((m) => (
          <li key={m.accountId}>
            <span>{m.pseudonym}</span>
            {m.role === 'steward' ? <span className="muted"> · {t('settings.memberSteward')}</span> : null}
            {m.onProbation ? <span className="muted"> · {t('settings.memberNew')}</span> : null}
            {m.accountId === ownId ? null : (
              <ConfirmButton
                label={t('settings.memberRemove', { name: m.pseudonym })}
                confirmLabel={t('settings.memberRemoveConfirm', { name: m.pseudonym })}
                onConfirm={() => remove(m.accountId)}
              />
            )}
          </li>
        ))}
      </ul>
      {remote.error === undefined ? null : <p className="problem">{t(commonErrorKey(remote.error))}</p>}
    </section>
  );
}
