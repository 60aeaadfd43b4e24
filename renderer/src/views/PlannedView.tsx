import type { ReactNode } from 'react';

/** A view whose feature has not landed yet: says what it will hold, so nobody waits on it. */
export function PlannedView({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="view planned" aria-labelledby="planned-title">
      <h1 id="planned-title">{title}</h1>
      <div className="planned-body">{children}</div>
    </section>
  );
}
