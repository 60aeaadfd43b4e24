import { useState } from 'react';

interface Props {
  text: string;
  /** What is copied, for the accessible name: "Copy the data folder path". */
  what: string;
}

/** Copies a path; a browser may refuse the clipboard, and then the button says what to do. */
export function CopyButton({ text, what }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="copy-button"
        onClick={() => void copy()}
        aria-label={`Copy ${what}`}
      >
        Copy
      </button>
      <span className="copy-state small" role="status">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'The browser refused the clipboard: select the path and press Ctrl+C.'
            : ''}
      </span>
    </>
  );
}
