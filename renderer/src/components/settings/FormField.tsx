import { useId, type ReactNode } from 'react';

/** What a field's control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  label: string;
  /** The problems of this field, already picked out (issuesFor). */
  errors: readonly string[];
  hint?: ReactNode;
  className?: string;
  children(control: ControlProps): ReactNode;
}

/** A label, its control, a hint and the field's errors, tied together for screen readers. */
export function FormField({ label, errors, hint, className, children }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors.length > 0 ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`form-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(errors.length > 0 ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="hint small muted">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorId} className="field-error small">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}
