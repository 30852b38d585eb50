import { useId } from 'react';

/** A 0–10 slider whose accessible name is exactly `label`. */
export function IntensitySlider({
  label,
  value,
  onChange,
}: {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="field toolkit-slider">
      <label htmlFor={id}>{label}</label>
      <div className="toolkit-slider-row">
        <input id={id} type="range" min={0} max={10} step={1} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))} />
        <output htmlFor={id} aria-hidden="true">
          {value}
        </output>
      </div>
    </div>
  );
}

/** A group of checkboxes shown as chips, named by its legend. */
export function ChipGroup({
  legend,
  options,
  selected,
  onChange,
  problem,
}: {
  readonly legend: string;
  readonly options: readonly Readonly<{ id: string; label: string }>[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly problem?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="toolkit-chips" aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
      <legend>{legend}</legend>
      <div className="toolkit-chip-row">
        {options.map((o) => (
          <label key={o.id} className="toolkit-chip">
            <input
              type="checkbox"
              checked={selected.includes(o.id)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...selected, o.id] : selected.filter((s) => s !== o.id))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {problem === undefined ? null : (
        <p id={`${id}-problem`} className="problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** A labelled multi-line text box whose accessible name is exactly `label`. */
export function TextArea({
  label,
  value,
  onChange,
  hint,
  problem,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
}) {
  const id = useId();
  const described = [hint === undefined ? '' : `${id}-hint`, problem === undefined ? '' : `${id}-problem`].filter((s) => s !== '').join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={3}
        value={value}
        spellCheck={false}
        aria-invalid={problem === undefined ? undefined : true}
        aria-describedby={described === '' ? undefined : described}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {problem === undefined ? null : (
        <p id={`${id}-problem`} className="problem">
          {problem}
        </p>
      )}
    </div>
  );
}
