// The two kinds of channel in the contract: a call answers once; a subscription sends events
// until it ends or is stopped (which subscriptions a transport renews after a reconnect:
// feeds.ts).
import type { z } from 'zod';

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) =>
  ({ kind: 'call', input, output }) as const;

export const stream = <I extends z.ZodType, E extends z.ZodType>(input: I, event: E) =>
  ({ kind: 'subscription', input, event }) as const;
