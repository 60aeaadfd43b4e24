import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';

interface Props {
  title: ReactNode;
  /** For the copy button's name and the block's label. */
  what: string;
  text: string;
  note?: ReactNode;
}

/** A block of monospace text, wrapped, with a heading and a copy button. */
export function TextBlock({ title, what, text, note }: Props) {
  return (
    <div className="records-block">
      <div className="records-block-head">
        <h4>{title}</h4>
        {note && <span className="muted small">{note}</span>}
        <CopyButton text={text} what={what} />
      </div>
      <pre className="records-text">
        {text === '' ? <span className="muted">(empty)</span> : text}
      </pre>
    </div>
  );
}
