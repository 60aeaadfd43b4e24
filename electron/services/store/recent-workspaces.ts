import type { Database } from 'better-sqlite3';

export interface RecentWorkspace {
  root: string;
  openedAt: string;
}

export function rememberWorkspace(db: Database, root: string, now = new Date()): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO workspaces (root, first_opened_at, last_opened_at) VALUES (?, ?, ?)
     ON CONFLICT (root) DO UPDATE SET last_opened_at = excluded.last_opened_at`,
  ).run(root, at, at);
}

export function recentWorkspaces(db: Database, limit = 10): RecentWorkspace[] {
  return db
    .prepare(
      'SELECT root, last_opened_at AS openedAt FROM workspaces ORDER BY last_opened_at DESC, id DESC LIMIT ?',
    )
    .all(limit) as RecentWorkspace[];
}
