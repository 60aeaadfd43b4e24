// Work items (feature, bug, docs, review) on the app database. IDs are random (FEAT-7KQ2M4),
// so two people creating items offline do not collide; a new ID is also checked against the
// ones this database knows.
import type { Database } from 'better-sqlite3';
import type { WorkItemRef } from '../../../workflows/engine/pass.ts';
import { newWorkItemId } from '../../../workflows/engine/run-ids.ts';

export interface WorkItem extends WorkItemRef {
  workspaceRoot: string;
  createdAt: string;
}

interface ItemRow {
  id: string;
  kind: WorkItem['kind'];
  title: string;
  folder: string | null;
  workspace_root: string;
  created_at: string;
}

const toItem = (row: ItemRow): WorkItem => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  folder: row.folder,
  workspaceRoot: row.workspace_root,
  createdAt: row.created_at,
});

export class WorkItemStore {
  constructor(private readonly db: Database) {}

  create(input: {
    kind: WorkItem['kind'];
    title: string;
    folder: string | null;
    workspaceRoot: string;
  }): WorkItem {
    const title = input.title.trim();
    if (!title) throw new Error('A work item needs a title.');
    let id = newWorkItemId(input.kind);
    while (this.get(id)) id = newWorkItemId(input.kind);
    const item: WorkItem = { ...input, title, id, createdAt: new Date().toISOString() };
    this.db
      .prepare(
        'INSERT INTO work_items (id, kind, title, folder, workspace_root, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(item.id, item.kind, item.title, item.folder, item.workspaceRoot, item.createdAt);
    return item;
  }

  get(id: string): WorkItem | null {
    const row = this.db.prepare('SELECT * FROM work_items WHERE id = ?').get(id.toUpperCase()) as
      ItemRow | undefined;
    return row ? toItem(row) : null;
  }

  list(workspaceRoot?: string): WorkItem[] {
    const rows = (
      workspaceRoot
        ? this.db
            .prepare('SELECT * FROM work_items WHERE workspace_root = ? ORDER BY created_at DESC')
            .all(workspaceRoot)
        : this.db.prepare('SELECT * FROM work_items ORDER BY created_at DESC').all()
    ) as ItemRow[];
    return rows.map(toItem);
  }
}
