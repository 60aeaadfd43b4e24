import type { ChatMessage } from '../../../../workflows/records/envelope.ts';
import { CopyButton } from './CopyButton.tsx';

/** Every message exactly as the model received it, role by role. */
export function MessageList({ messages }: { messages: ChatMessage[] }) {
  return (
    <ol className="records-messages">
      {messages.map((m, i) => (
        <li key={i} className={`records-message role-${m.role}`}>
          <div className="records-block-head">
            <h4>
              {i + 1} · {m.role}
            </h4>
            <span className="muted small">
              {m.content.length.toLocaleString('en-US')} characters
            </span>
            <CopyButton text={m.content} what={`message ${i + 1} (${m.role})`} />
          </div>
          <pre className="records-text">{m.content}</pre>
        </li>
      ))}
    </ol>
  );
}
