interface Props {
  /** What is in progress, for screen readers ("Downloading Qwen2.5 1.5B"). */
  label: string;
  value: number;
  /** null: the total is unknown and the bar is indeterminate. */
  max: number | null;
  /** The value in words ("12 MB of 940 MB"). */
  valueText: string;
}

/** A determinate progress bar when the total is known, an indeterminate one otherwise. */
export function ProgressBar({ label, value, max, valueText }: Props) {
  const percent = max && max > 0 ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div
      className={percent === null ? 'progress indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? valueText : `${percent}%, ${valueText}`}
    >
      <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
    </div>
  );
}
