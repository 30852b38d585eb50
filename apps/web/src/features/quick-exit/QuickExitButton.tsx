import { useTranslation } from 'react-i18next';

/** The always-visible quick-exit button. */
export function QuickExitButton({ onExit }: { readonly onExit: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="quick-exit" onClick={onExit}>
      {t('quickExit.label')}
    </button>
  );
}
