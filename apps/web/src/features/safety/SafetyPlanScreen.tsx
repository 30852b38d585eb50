import type { Locale } from '@lamplight/i18n';
import {
  addItem,
  moveItem,
  PLAN_ITEM_MAX_LENGTH,
  removeItem,
  SAFETY_PLAN_SECTIONS,
  type PlanEdit,
  type PlanEditError,
  type SafetyPlan,
  type SafetyPlanItem,
  type SafetyPlanSectionInfo,
} from '@lamplight/safety';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field.js';
import { AppLink } from '../../app/router.js';
import { ScreenTitle } from '../../app/ScreenTitle.js';
import { useVaultView } from '../vault/index.js';
import { TalkLines } from './HandoffParts.js';
import { PlanShare } from './PlanShare.js';
import { loadPlan, savePlan } from './plan-store.js';
import type { SafetyRecords } from './records.js';
import { useSafetyRecords } from './use-safety-records.js';
import './safety.css';

function itemLabel(item: SafetyPlanItem, locale: Locale): string {
  return item.kind === 'text' ? item.text : item.name[locale];
}

function telOf(dial: string): string {
  return `tel:${dial.replace(/[^0-9]/gu, '')}`;
}

/** One line of a section: the words (or the line and its call link), move up, remove. */
function PlanItemRow({
  item,
  index,
  locale,
  onMoveUp,
  onRemove,
}: {
  readonly item: SafetyPlanItem;
  readonly index: number;
  readonly locale: Locale;
  readonly onMoveUp: () => void;
  readonly onRemove: () => void;
}) {
  const { t } = useTranslation();
  const label = itemLabel(item, locale);
  return (
    <li>
      <span className="plan-item-text">
        {label}
        {item.kind === 'directory' && item.allDay ? <span className="muted"> · {t('safety.plan.allDay')}</span> : null}
      </span>
      {item.kind === 'directory' && item.dial !== undefined ? (
        <a className="button" href={telOf(item.dial)}>
          {t('safety.plan.call', { number: item.dial })}
        </a>
      ) : null}
      {index > 0 ? (
        <button type="button" className="link-button" aria-label={t('safety.plan.moveUpItem', { item: label })} onClick={onMoveUp}>
          {t('safety.plan.moveUp')}
        </button>
      ) : null}
      <button type="button" className="link-button" aria-label={t('safety.plan.removeItem', { item: label })} onClick={onRemove}>
        {t('safety.plan.remove')}
      </button>
    </li>
  );
}

/** The catalog key for why an item was not added. */
function errorKey(error: PlanEditError): 'safety.plan.errorEmpty' | 'safety.plan.errorTooLong' | 'safety.plan.errorTooMany' | 'common.generic' {
  switch (error) {
    case 'empty':
      return 'safety.plan.errorEmpty';
    case 'too-long':
      return 'safety.plan.errorTooLong';
    case 'too-many':
      return 'safety.plan.errorTooMany';
    default:
      return 'common.generic';
  }
}

/** One Stanley–Brown step: its question, examples, items and a way to add one. */
function PlanSection({
  info,
  plan,
  locale,
  onEdit,
}: {
  readonly info: SafetyPlanSectionInfo;
  readonly plan: SafetyPlan;
  readonly locale: Locale;
  readonly onEdit: (edit: PlanEdit) => boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string>();
  const items = plan.sections[info.id];
  const title = info.title[locale];
  const add = (): void => {
    const edit = addItem(plan, info.id, draft);
    if (!edit.ok) {
      setProblem(t(errorKey(edit.error), { max: PLAN_ITEM_MAX_LENGTH }));
      return;
    }
    if (onEdit(edit)) {
      setDraft('');
      setProblem(undefined);
    }
  };
  return (
    <section className="card safety-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>{info.prompt[locale]}</p>
      <p className="muted">
        {t('safety.plan.examplesLabel')} {info.examples.map((e) => e[locale]).join('、')}
      </p>
      {items.length === 0 ? (
        <p className="muted">{t('safety.plan.empty')}</p>
      ) : (
        <ul className="plan-items">
          {items.map((item, i) => (
            <PlanItemRow
              key={`${i}-${itemLabel(item, locale)}`}
              item={item}
              index={i}
              locale={locale}
              onMoveUp={() => onEdit(moveItem(plan, info.id, i, i - 1))}
              onRemove={() => onEdit(removeItem(plan, info.id, i))}
            />
          ))}
        </ul>
      )}
      <form
        className="plan-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <Field label={t('safety.plan.addLabel', { section: title })} value={draft} onChange={setDraft} problem={problem} />
        <button type="submit" className="button">
          {t('safety.plan.add')}
        </button>
      </form>
    </section>
  );
}

/** The plan itself, once the vault has given it. */
function PlanEditor({ records, locale }: { readonly records: SafetyRecords; readonly locale: Locale }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<SafetyPlan>();
  const [damaged, setDamaged] = useState(false);
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');

  useEffect(() => {
    let live = true;
    loadPlan(records, TAIWAN_DIRECTORY).then(
      (loaded) => {
        if (!live) return;
        setPlan(loaded.plan);
        setDamaged(loaded.damaged);
      },
      () => {
        if (live) setPlan(undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [records]);

  if (plan === undefined) return null;
  const edit = (e: PlanEdit): boolean => {
    if (!e.ok) return false;
    setPlan(e.plan);
    savePlan(records, e.plan).then(
      () => setSaved('saved'),
      () => setSaved('failed'),
    );
    return true;
  };
  return (
    <>
      {damaged ? <p className="problem">{t('safety.plan.damaged')}</p> : null}
      <p role="status" className="muted">
        {saved === 'saved' ? t('safety.plan.saved') : saved === 'failed' ? t('common.generic') : ''}
      </p>
      {SAFETY_PLAN_SECTIONS.map((info) => (
        <PlanSection key={info.id} info={info} plan={plan} locale={locale} onEdit={edit} />
      ))}
      <PlanShare plan={plan} locale={locale} />
    </>
  );
}

/**
 * "My safety plan" (Stanley–Brown), kept only in the vault. While nothing is
 * unlocked it says where the plan lives and shows the lines to call.
 */
export function SafetyPlanScreen({ locale }: { readonly locale: Locale }) {
  const { t } = useTranslation();
  const view = useVaultView();
  const records = useSafetyRecords();
  return (
    <>
      <ScreenTitle>{t('safety.plan.title')}</ScreenTitle>
      {records === undefined ? (
        <>
          <p className="lead">{t('safety.plan.noSpace')}</p>
          {view.status === 'locked' ? (
            <AppLink to="unlock" className="button">
              {t('welcome.unlock')}
            </AppLink>
          ) : null}
          <TalkLines locale={locale} />
        </>
      ) : (
        <>
          <p className="lead">{t('safety.plan.intro')}</p>
          <PlanEditor records={records} locale={locale} />
        </>
      )}
    </>
  );
}
