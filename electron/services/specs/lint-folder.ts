import fs from 'node:fs';
import path from 'node:path';
import {
  lintWorkspace,
  type LintOptions,
  type LintResult,
} from '../../../workflows/lint/lint-workspace.ts';
import type { Workspace } from '../../../workflows/specs/model.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import { readWorkspaceFiles } from './read-workspace-files.ts';

export interface FolderLint {
  root: string;
  workspace: Workspace;
  result: LintResult;
}

/** A folder as a parsed workspace; a clear error when it is not a folder. */
export async function loadFolder(root: string): Promise<{ root: string; workspace: Workspace }> {
  const resolved = path.resolve(root);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(resolved);
  } catch {
    throw new Error(`No folder at ${resolved}; check the path.`);
  }
  if (!stat.isDirectory())
    throw new Error(`${resolved} is a file; give the folder that holds the specs.`);
  return { root: resolved, workspace: parseWorkspace(await readWorkspaceFiles(resolved)) };
}

export async function lintFolder(root: string, options: LintOptions = {}): Promise<FolderLint> {
  const loaded = await loadFolder(root);
  return { ...loaded, result: lintWorkspace(loaded.workspace, options) };
}
