import { useId, useState } from 'react';
import { useCairn } from '../../state/store.ts';

/** Name and e-mail for the first save: they are written into every saved version. */
export function IdentityForm() {
  const save = useCairn((s) => s.setIdentityAndShare);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const ids = { name: useId(), email: useId() };
  return (
    <form
      className="identity-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(name.trim(), email.trim());
      }}
    >
      <label htmlFor={ids.name}>Your name</label>
      <input id={ids.name} value={name} required onChange={(e) => setName(e.target.value)} />
      <label htmlFor={ids.email}>Your e-mail</label>
      <input
        id={ids.email}
        type="email"
        value={email}
        required
        onChange={(e) => setEmail(e.target.value)}
      />
      <button type="submit">Save and share</button>
    </form>
  );
}
