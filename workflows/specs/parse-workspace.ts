import { buildKiroDocument } from '../interop/kiro.ts';
import { classifyPath, isForeignToolPath, type FileRole } from '../interop/layout.ts';
import { buildOpenSpecDelta } from '../interop/openspec-delta.ts';
import { buildOpenSpecSpec } from '../interop/openspec-spec.ts';
import { buildSpecKitDocument } from '../interop/speckit.ts';
import { buildCairnDocument } from './cairn-document.ts';
import { assembleDocument } from './document-assembly.ts';
import { readMarkdown, type MarkdownSource } from './markdown-source.ts';
import type { SourceFile, SpecDocument, SpecFormat, Workspace, WorkspaceInput } from './model.ts';
import { CONFIG_PATH, parseWorkspaceConfig } from './workspace-config.ts';

const FORMAT_ORDER: readonly SpecFormat[] = ['cairn', 'speckit', 'openspec', 'kiro'];
const CAIRN_FILE_NAMES = new Set(['prd.md', 'requirements.md', 'design.md', 'tasks.md']);

export interface ParseOptions {
  /** Parses one file; a caller that keeps parsed files between calls passes a memoized one. */
  parseFile?: typeof parseSpecFile;
}

/** Parses every spec of a workspace, whatever its layout, into one model. */
export function parseWorkspace(input: WorkspaceInput, options: ParseOptions = {}): Workspace {
  const steps = parseWorkspaceStepwise(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseWorkspace one file at a time: it yields after each Markdown file, so a caller on a busy
 * thread can pause between files, and returns the workspace.
 */
export function* parseWorkspaceStepwise(
  input: WorkspaceInput,
  options: ParseOptions = {},
): Generator<void, Workspace, void> {
  const parseFile = options.parseFile ?? parseSpecFile;
  const config = input.files.find((f) => f.path === CONFIG_PATH) ?? null;
  const settings = config ? parseWorkspaceConfig(config.text) : null;
  const roots = settings?.config.roots ?? null;
  const documents: SpecDocument[] = [];
  const markdown = input.files
    .filter((f) => /\.md$/i.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of markdown) {
    const document = parseFile(file, roots);
    if (document) documents.push(document);
    yield;
  }
  const found = new Set(documents.map((d) => d.format));
  return {
    documents,
    layouts: FORMAT_ORDER.filter((f) => found.has(f)),
    paths: input.paths,
    config,
    settings,
    problems: input.problems ?? [],
  };
}

/** One Markdown file as a spec document, or null when it is not a spec (a README, say). */
export function parseSpecFile(
  file: SourceFile,
  roots: readonly string[] | null,
): SpecDocument | null {
  const role = classifyPath(file.path);
  if (role) return buildForRole(readMarkdown(file), role);
  if (isForeignToolPath(file.path) || file.path.startsWith('.cairn/')) return null;
  if (
    roots &&
    !roots.some((root) => root === '' || root === '.' || file.path.startsWith(root + '/'))
  ) {
    return null;
  }
  if (!mayBeCairnSpec(file)) return null;
  const document = buildCairnDocument(readMarkdown(file));
  const isSpec =
    document.frontmatter?.data['type'] !== undefined ||
    document.kind !== 'other' ||
    document.requirements.length > 0 ||
    document.diagnostics.some((d) => d.code === 'markdown');
  return isSpec ? document : null;
}

/** A cheap look before parsing: frontmatter, a requirement ID, or a spec file name. */
function mayBeCairnSpec(file: SourceFile): boolean {
  const name = file.path.split('/').pop()?.toLowerCase() ?? '';
  return CAIRN_FILE_NAMES.has(name) || /^\uFEFF?---/.test(file.text) || file.text.includes('REQ-');
}

function buildForRole(source: MarkdownSource, role: FileRole): SpecDocument {
  switch (role.format) {
    case 'openspec':
      if (role.kind === 'spec') return buildOpenSpecSpec(source, role);
      if (role.kind === 'delta') return buildOpenSpecDelta(source, role);
      return assembleDocument(source, {
        format: 'openspec',
        kind: role.kind,
        scope: role.scope,
        requirements: [],
        ...(role.change ? { openspec: { change: role.change } } : {}),
      });
    case 'speckit':
      return buildSpecKitDocument(source, role);
    case 'kiro':
      return buildKiroDocument(source, role);
    default:
      return buildCairnDocument(source);
  }
}
