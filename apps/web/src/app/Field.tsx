import { useId, type ReactNode } from 'react';

/**
 * A labelled input with an optional hint and problem text. The label is the
 * accessible name, exactly as given; the hint and problem describe it.
 */
export function Field({
  label,
  type = 'text',
  value,
  onChange,
  hint,
  problem,
  autoComplete = 'off',
  multiline = false,
}: {
  readonly label: string;
  readonly type?: 'text' | 'password';
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: ReactNode;
  readonly problem?: string | undefined;
  readonly autoComplete?: string;
  readonly multiline?: boolean;
}) {
  const id = useId();
  const described = [hint === undefined ? '' : `${id}-hint`, problem === undefined ? '' : `${id}-problem`].filter((s) => s !== '').join(' ');
  const common = {
    id,
    value,
    autoComplete,
    spellCheck: false,
    autoCapitalize: 'none',
    'aria-invalid': problem === undefined ? undefined : true,
    'aria-describedby': described === '' ? undefined : described,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      )}
      {problem === undefined ? null : (
        <p id={`${id}-problem`} className="problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A labelled checkbox with an optional problem text. */
export function Check({
  label,
  checked,
  onChange,
  problem,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly problem?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="toggle" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={problem === undefined ? undefined : true}
          aria-describedby={problem === undefined ? undefined : `${id}-problem`}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      {problem === undefined ? null : (
        <p id={`${id}-problem`} className="problem">
          {problem}
        </p>
      )}
    </div>
  );
}
