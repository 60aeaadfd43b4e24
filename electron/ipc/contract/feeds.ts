// Subscriptions that report what happens rather than start a job: after a lost connection a
// transport subscribes to them again and nothing is repeated. Every other subscription starts a
// job (a scan, a download, a generation, a drift run); the host stops it when the connection
// drops, and a transport must not start it again unasked: it ends it with an error instead.
import type { SubscriptionName } from '../contract.ts';

export const FEED_CHANNELS: readonly SubscriptionName[] = ['runs.events', 'workspace.changes'];
