import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** What is copied, for the accessible name: "Copy <what>". */
  what: string;
  /** Visible words instead of "Copy" (then they are the button's name). */
  label?: string;
}

/** Copies `text` to the clipboard and says so (or says why it could not). */
export function CopyButton({ text, what, label }: Props) {
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
  const said = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : null;
  return (
    <button
      type="button"
      className="copy-button"
      onClick={copy}
      aria-label={label ? undefined : `${said ?? 'Copy'} ${what}`}
      title={state === 'failed' ? 'The clipboard refused; select the text and copy it.' : undefined}
    >
      <span aria-live="polite">{said ?? label ?? 'Copy'}</span>
    </button>
  );
}
