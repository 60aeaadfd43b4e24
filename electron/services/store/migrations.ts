import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Versioned migrations, applied in order, each in its own transaction. Never edit one that
 * has shipped: add the next version instead (tests migrate from every older version).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL CHECK (json_valid(value)),
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'recent workspaces',
    up(db) {
      db.exec(`
        CREATE TABLE workspaces (
          id INTEGER PRIMARY KEY,
          root TEXT NOT NULL UNIQUE,
          first_opened_at TEXT NOT NULL,
          last_opened_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX workspaces_last_opened ON workspaces (last_opened_at DESC);
      `);
    },
  },
  {
    version: 3,
    name: 'model registry and thread calibrations',
    up(db) {
      db.exec(`
        CREATE TABLE models (
          id TEXT PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
          path TEXT NOT NULL,
          size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
          file_modified_ms INTEGER NOT NULL,
          source TEXT NOT NULL CHECK (source IN ('imported', 'downloaded')),
          catalog_id TEXT,
          summary TEXT NOT NULL CHECK (json_valid(summary)),
          added_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE thread_calibrations (
          model_sha256 TEXT NOT NULL,
          machine_key TEXT NOT NULL,
          runtime_version TEXT NOT NULL,
          best_threads INTEGER NOT NULL CHECK (best_threads > 0),
          measurements TEXT NOT NULL CHECK (json_valid(measurements)),
          measured_at TEXT NOT NULL,
          PRIMARY KEY (model_sha256, machine_key)
        ) STRICT;
        CREATE TABLE catalog_hash_pins (
          catalog_id TEXT PRIMARY KEY,
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          pinned_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  // git sync and drift (issue 5). Each of the next two stands alone, so they can be renumbered
  // if another branch claims these numbers first.
  {
    version: 4,
    name: 'git history index and drift caches',
    up(db) {
      db.exec(`
        -- One row per git directory Cairn has indexed.
        CREATE TABLE git_repos (
          id INTEGER PRIMARY KEY,
          gitdir TEXT NOT NULL UNIQUE,
          -- The commit whose tree git_head_files holds (null before the first index).
          indexed_head TEXT,
          updated_at TEXT NOT NULL
        ) STRICT;
        -- Commits, in a topological order: a parent's seq is always smaller than its child's.
        CREATE TABLE git_commits (
          repo_id INTEGER NOT NULL REFERENCES git_repos (id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          oid TEXT NOT NULL,
          parents TEXT NOT NULL,
          author_name TEXT NOT NULL,
          author_email TEXT NOT NULL,
          author_time INTEGER NOT NULL,
          summary TEXT NOT NULL,
          PRIMARY KEY (repo_id, seq)
        ) STRICT;
        CREATE UNIQUE INDEX git_commits_oid ON git_commits (repo_id, oid);
        -- Files a commit changed (against every parent: a merge lists only what it resolved).
        CREATE TABLE git_changes (
          repo_id INTEGER NOT NULL REFERENCES git_repos (id) ON DELETE CASCADE,
          commit_seq INTEGER NOT NULL,
          path TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('A', 'M', 'D')),
          blob_oid TEXT,
          PRIMARY KEY (repo_id, commit_seq, path)
        ) STRICT;
        -- The files of the indexed head commit.
        CREATE TABLE git_head_files (
          repo_id INTEGER NOT NULL REFERENCES git_repos (id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          blob_oid TEXT NOT NULL,
          PRIMARY KEY (repo_id, path)
        ) STRICT;
        -- Requirement IDs every indexed version of a spec defined, to tell a removed ID from an
        -- unknown one.
        CREATE TABLE git_requirement_history (
          repo_id INTEGER NOT NULL REFERENCES git_repos (id) ON DELETE CASCADE,
          requirement_id TEXT NOT NULL,
          path TEXT NOT NULL,
          last_seq INTEGER NOT NULL,
          PRIMARY KEY (repo_id, requirement_id, path)
        ) STRICT;
        -- What drift needs from a file's content (spec frontmatter and requirements, or the
        -- requirement IDs code cites), cached by blob: content-addressed, so never stale.
        CREATE TABLE blob_facts (
          oid TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('spec', 'code', 'skipped')),
          facts TEXT NOT NULL CHECK (json_valid(facts))
        ) STRICT;
      `);
    },
  },
  {
    version: 5,
    name: 'merge conflicts',
    up(db) {
      db.exec(`
        -- A merge Cairn started and that waits for conflicts to be resolved (one per repository).
        CREATE TABLE repo_merges (
          id INTEGER PRIMARY KEY,
          gitdir TEXT NOT NULL UNIQUE,
          branch TEXT NOT NULL,
          ours_oid TEXT NOT NULL,
          theirs_oid TEXT NOT NULL,
          theirs_label TEXT NOT NULL,
          base_oid TEXT,
          merged_tree TEXT NOT NULL,
          message TEXT NOT NULL,
          started_at TEXT NOT NULL
        ) STRICT;
        -- Each conflicted path keeps both sides (and the base) as blob IDs in the repository.
        CREATE TABLE repo_conflicts (
          merge_id INTEGER NOT NULL REFERENCES repo_merges (id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('content', 'binary', 'modify-delete', 'file-directory')),
          base_oid TEXT,
          ours_oid TEXT,
          theirs_oid TEXT,
          merged_oid TEXT,
          resolution TEXT CHECK (resolution IN ('ours', 'theirs', 'both', 'file', 'text')),
          resolved_at TEXT,
          PRIMARY KEY (merge_id, path)
        ) STRICT;
      `);
    },
  },
  {
    version: 6,
    name: 'workflow runs and model call records',
    up(db) {
      db.exec(`
        -- Work items: the feature, bug, docs change or review that runs belong to.
        CREATE TABLE work_items (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('feature', 'bug', 'docs', 'review')),
          title TEXT NOT NULL,
          folder TEXT,
          workspace_root TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        -- One run of a workflow; definition holds the validated workflow as it was at the start,
        -- so a run resumes with the passes it began with even if the file changed since.
        CREATE TABLE runs (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          definition TEXT NOT NULL CHECK (json_valid(definition)),
          work_item_id TEXT REFERENCES work_items (id),
          workspace_root TEXT NOT NULL,
          model TEXT,
          status TEXT NOT NULL
            CHECK (status IN ('running', 'waiting', 'deferred', 'blocked', 'completed', 'failed',
              'cancelled')),
          next_pass INTEGER NOT NULL DEFAULT 0,
          -- Passes the user or a failed check sent to a stronger tier: {"summary": "hosted"}.
          escalations TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(escalations)),
          error TEXT,
          estimate TEXT CHECK (estimate IS NULL OR json_valid(estimate)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX runs_item ON runs (work_item_id);
        CREATE INDEX runs_updated ON runs (updated_at DESC);
        -- The result of each finished pass: written in one transaction with its proposed changes.
        CREATE TABLE pass_results (
          run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          pass_index INTEGER NOT NULL,
          pass_id TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('completed', 'failed')),
          result TEXT CHECK (result IS NULL OR json_valid(result)),
          gate TEXT CHECK (gate IS NULL OR json_valid(gate)),
          error TEXT,
          started_at TEXT NOT NULL,
          finished_at TEXT NOT NULL,
          PRIMARY KEY (run_id, pass_index)
        ) STRICT;
        -- A change a pass proposes to a file; nothing reaches the file until it is accepted.
        CREATE TABLE proposed_changes (
          id TEXT PRIMARY KEY,
          run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          pass_index INTEGER NOT NULL,
          path TEXT NOT NULL,
          before_text TEXT,
          after_text TEXT NOT NULL,
          summary TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'stale')),
          decided_at TEXT
        ) STRICT;
        CREATE INDEX proposed_changes_run ON proposed_changes (run_id, pass_index);
        -- One envelope per model call (workflows/records/envelope.ts), written before its result
        -- is used. The columns repeat what lists, filters and cost totals need.
        CREATE TABLE model_calls (
          id TEXT PRIMARY KEY,
          created_at TEXT NOT NULL,
          run_id TEXT,
          pass_id TEXT,
          work_item_id TEXT,
          kind TEXT NOT NULL CHECK (kind IN ('generation', 'cache-hit')),
          tier TEXT NOT NULL CHECK (tier IN ('local', 'hosted', 'cloud')),
          model TEXT NOT NULL,
          cache_key TEXT NOT NULL,
          ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
          input_tokens INTEGER NOT NULL,
          output_tokens INTEGER NOT NULL,
          total_ms REAL NOT NULL,
          cost REAL NOT NULL,
          envelope TEXT NOT NULL CHECK (json_valid(envelope))
        ) STRICT;
        CREATE INDEX model_calls_cache_key ON model_calls (cache_key, ok);
        CREATE INDEX model_calls_run ON model_calls (run_id, created_at);
        CREATE INDEX model_calls_item ON model_calls (work_item_id);
        CREATE INDEX model_calls_created ON model_calls (created_at);
      `);
    },
  },
  {
    version: 7,
    name: 'consent, egress log and budgets',
    up(db) {
      db.exec(`
        -- What the user decided about a request that wanted to leave the machine.
        CREATE TABLE consents (
          id TEXT PRIMARY KEY,
          request_id TEXT NOT NULL,
          decision TEXT NOT NULL CHECK (decision IN ('approve-once', 'approve-run', 'deny')),
          run_id TEXT,
          provider_id TEXT NOT NULL,
          model TEXT NOT NULL,
          payload_hash TEXT NOT NULL,
          decided_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX consents_standing ON consents (run_id, provider_id, model, decision);
        -- Every request that wanted to leave: the queue (pending, approved offline) and the
        -- egress log (sending, sent), with the exact redacted body and the consent it went under.
        CREATE TABLE egress_requests (
          id TEXT PRIMARY KEY,
          created_at TEXT NOT NULL,
          run_id TEXT,
          pass_id TEXT,
          work_item_id TEXT,
          workspace_root TEXT NOT NULL,
          provider_id TEXT NOT NULL,
          tier TEXT NOT NULL CHECK (tier IN ('hosted', 'cloud')),
          model TEXT NOT NULL,
          destination TEXT NOT NULL,
          body TEXT NOT NULL CHECK (json_valid(body)),
          payload_hash TEXT NOT NULL,
          redaction TEXT NOT NULL CHECK (json_valid(redaction)),
          estimate TEXT NOT NULL CHECK (json_valid(estimate)),
          reason TEXT NOT NULL,
          status TEXT NOT NULL
            CHECK (status IN ('pending', 'approved', 'denied', 'sending', 'sent', 'failed')),
          consent_id TEXT REFERENCES consents (id),
          call_id TEXT,
          sent_at TEXT,
          error TEXT
        ) STRICT;
        CREATE INDEX egress_payload ON egress_requests (payload_hash, run_id, created_at);
        CREATE INDEX egress_status ON egress_requests (status, created_at);
        -- Limits per workspace, work item or calendar month (key: root, item ID or YYYY-MM).
        CREATE TABLE budgets (
          scope TEXT NOT NULL CHECK (scope IN ('workspace', 'item', 'month')),
          key TEXT NOT NULL,
          currency TEXT NOT NULL,
          soft REAL,
          hard REAL,
          block REAL,
          PRIMARY KEY (scope, key)
        ) STRICT;
        -- Money reserved before a call (its max-token bound) and settled after it.
        CREATE TABLE budget_ledger (
          id TEXT PRIMARY KEY,
          request_id TEXT NOT NULL,
          workspace_root TEXT NOT NULL,
          work_item_id TEXT,
          month TEXT NOT NULL,
          currency TEXT NOT NULL,
          amount REAL NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('reserved', 'settled', 'released')),
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX budget_ledger_workspace ON budget_ledger (workspace_root, state);
        CREATE INDEX budget_ledger_item ON budget_ledger (work_item_id, state);
        CREATE INDEX budget_ledger_month ON budget_ledger (month, state);
      `);
    },
  },
  {
    version: 8,
    name: 'record filter lists from indexes',
    up(db) {
      // The Records view lists every pass and model recorded: read from these, not the table
      // (whose rows carry whole prompts and outputs).
      db.exec(`
        CREATE INDEX model_calls_pass ON model_calls (pass_id);
        CREATE INDEX model_calls_model ON model_calls (tier, model);
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
