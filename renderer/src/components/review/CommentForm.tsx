import { useEffect, useId, useRef, useState } from 'react';
import { useCairn } from '../../state/store.ts';

interface Props {
  spec: string;
  requirement: string;
  onDone(): void;
}

/** A new comment on one requirement: Ctrl+Enter posts, Escape cancels. */
export function CommentForm({ spec, requirement, onDone }: Props) {
  const add = useCairn((s) => s.addReviewComment);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => area.current?.focus(), []);
  const post = async () => {
    if (!text.trim() || saving) return;
    setSaving(true);
    const saved = await add(spec, requirement, text);
    setSaving(false);
    if (saved) onDone();
  };
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void post();
      }}
    >
      <label htmlFor={id}>Comment on {requirement}</label>
      <textarea
        id={id}
        ref={area}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void post();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <div className="comment-form-actions">
        <button type="submit" className="primary" disabled={!text.trim() || saving}>
          {saving ? 'Saving…' : 'Save comment'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <span className="muted small">
          Ctrl+Enter saves · saved in the repository, shared with “Share comments”
        </span>
      </div>
    </form>
  );
}
