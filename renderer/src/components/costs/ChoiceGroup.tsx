import { useId } from 'react';

interface Props<T extends string | number> {
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

/** A row of radio buttons that looks like a segmented switch; arrow keys move between them. */
export function ChoiceGroup<T extends string | number>({
  legend,
  value,
  options,
  onChange,
}: Props<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'choice checked' : 'choice'}>
            <input
              type="radio"
              name={name}
              value={String(o.value)}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
