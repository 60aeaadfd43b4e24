import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** What is copied, for the accessible name: "Copy <what>". */
  what: string;
}

/** Copies `text` to the clipboard and says so (or says why it could not). */
export function CopyButton({ text, what }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button
      type="button"
      className="copy-button"
      onClick={copy}
      aria-label={`${state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed:' : 'Copy'} ${what}`}
      title={state === 'failed' ? 'The clipboard refused; select the text and copy it.' : undefined}
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      </span>
    </button>
  );
}
