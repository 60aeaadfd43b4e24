// Linting one document while it is edited, in the context of its workspace, with the same
// rules `cairn lint` runs. The rest of the workspace comes as a LintContext: every other
// document stripped to what the rules read across documents (requirement IDs and where they
// are declared, document IDs, OpenSpec main-spec blocks and delta entries), plus the file
// paths and the config. The findings for the document are the ones `lintWorkspace` gives for
// it over the whole workspace (test/unit/specs/lint-document.test.ts checks that parity).
import type {
  OpenSpecBlock,
  OpenSpecDeltaInfo,
  OpenSpecSpecInfo,
  Prose,
  Requirement,
  SourceFile,
  SpecDocument,
  Workspace,
} from '../specs/model.ts';
import { parseSpecFile } from '../specs/parse-workspace.ts';
import { parseWorkspaceConfig, type ParsedConfig } from '../specs/workspace-config.ts';
import type { Severity } from './finding.ts';
import { lintWorkspace, type LintOptions, type LintResult } from './lint-workspace.ts';

export interface LintContext {
  /** Every file path of the workspace (links and `covers` globs resolve against them). */
  paths: string[];
  /** `.cairn/config.yaml` (rule severities, spec roots), when there is one. */
  config: SourceFile | null;
  /** The workspace's spec documents, sorted by path, reduced by `contextDocument`. */
  documents: SpecDocument[];
}

const NO_PROSE: Prose = { text: '', anchors: [] };

/** The context a workspace gives to each of its documents when one of them is edited. */
export function lintContextOf(workspace: Workspace): LintContext {
  return {
    paths: workspace.paths,
    config: workspace.config,
    documents: workspace.documents.map(contextDocument),
  };
}

/**
 * A document as the cross-document rules see it. Rules still run over it, but every finding
 * they report about it is dropped, so only the facts other documents are checked against stay.
 */
export function contextDocument(document: SpecDocument): SpecDocument {
  const id = document.frontmatter?.data['id'];
  const idField = document.frontmatter?.fields['id'];
  const openspec = document.openspec;
  return {
    path: document.path,
    format: document.format,
    kind: document.kind,
    scope: document.scope,
    lineLengths: [],
    frontmatter:
      document.frontmatter && typeof id === 'string'
        ? {
            data: { id },
            range: document.frontmatter.range,
            fields: idField ? { id: idField } : {},
          }
        : null,
    diagnostics: [],
    title: null,
    sections: [],
    requirements: document.requirements.map(contextRequirement),
    tasks: [],
    links: [],
    covers: [],
    mentions: [],
    prose: [],
    ...(openspec
      ? {
          openspec: {
            ...(openspec.change ? { change: openspec.change } : {}),
            ...(openspec.spec ? { spec: contextSpec(openspec.spec) } : {}),
            ...(openspec.delta ? { delta: contextDelta(openspec.delta) } : {}),
          },
        }
      : {}),
  };
}

function contextRequirement(r: Requirement): Requirement {
  return {
    id: r.id,
    kind: r.kind,
    scope: r.scope,
    path: r.path,
    title: '',
    statement: '',
    statementProse: NO_PROSE,
    idRange: r.idRange,
    headingRange: r.headingRange,
    headingDepth: null,
    range: r.headingRange,
    scenarios: [],
    scenarioExpected: false,
    ...(r.delta ? { delta: r.delta } : {}),
    ...(r.parentId ? { parentId: r.parentId } : {}),
  };
}

function contextBlock<B extends OpenSpecBlock>(block: B, keepScenarios: boolean): B {
  return {
    ...block,
    body: '',
    scenarios: [],
    scenarioHeadings: keepScenarios ? block.scenarioHeadings : [],
  };
}

/** A main spec: its requirement blocks and their scenario names (a MODIFIED delta must keep them). */
function contextSpec(spec: OpenSpecSpecInfo): OpenSpecSpecInfo {
  return {
    purpose: null,
    requirementsSection: null,
    blocks: spec.blocks.filter((b) => b.canonical).map((b) => contextBlock(b, true)),
    misplaced: [],
    deltaHeadings: [],
  };
}

/** A change's delta: its entries (a change with none is reported on its proposal). */
function contextDelta(delta: OpenSpecDeltaInfo): OpenSpecDeltaInfo {
  return {
    sections: delta.sections,
    blocks: delta.blocks.map((b) => contextBlock(b, false)),
    removed: delta.removed,
    renamed: delta.renamed,
    unpairedRenames: [],
    strayHeadings: [],
    orphans: [],
  };
}

// The config is parsed once per context, not on every keystroke.
const settingsOf = new WeakMap<LintContext, ParsedConfig | null>();

function settings(context: LintContext): ParsedConfig | null {
  if (!settingsOf.has(context)) {
    settingsOf.set(context, context.config ? parseWorkspaceConfig(context.config.text) : null);
  }
  return settingsOf.get(context) ?? null;
}

const lastSegment = (scope: string) => scope.slice(scope.lastIndexOf('/') + 1);

/**
 * Whether another document may share a fact with the edited one that a rule compares: the same
 * document id, or the same OpenSpec change or capability. A superset is harmless (it only
 * costs time); the parity tests catch a missing case.
 */
function sharesFacts(own: SpecDocument, other: SpecDocument): boolean {
  const id = own.frontmatter?.data['id'];
  if (typeof id === 'string' && other.frontmatter?.data['id'] === id) return true;
  if (!own.openspec || !other.openspec) return false;
  if (own.openspec.change && own.openspec.change === other.openspec.change) return true;
  return lastSegment(own.scope) === lastSegment(other.scope);
}

/** A document that only carries requirements, in workspace order, for ID and citation checks. */
function requirementHolder(
  format: 'cairn' | 'openspec',
  requirements: Requirement[],
): SpecDocument {
  return {
    ...contextDocument({
      path: '',
      format,
      kind: 'other',
      scope: '',
      lineLengths: [],
      frontmatter: null,
      diagnostics: [],
      title: null,
      sections: [],
      requirements: [],
      tasks: [],
      links: [],
      covers: [],
      mentions: [],
      prose: [],
    }),
    requirements,
  };
}

/**
 * Lints `file` (its current text) in its workspace; only findings about this file come back.
 * The documents the rules see are: the requirements declared before this file (in path order),
 * the documents that share another fact with it, the file itself, then the requirements
 * declared after it. So every set and every "first declared at" comes out as in the full lint,
 * at the cost of one pass over the requirement list instead of every rule over every document.
 */
export function lintDocument(
  context: LintContext,
  file: SourceFile,
  options: LintOptions = {},
): LintResult {
  const parsedSettings = settings(context);
  const own = parseSpecFile(file, parsedSettings?.config.roots ?? null);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  if (!own) return { findings: [], counts };
  const held = {
    before: { cairn: [] as Requirement[], openspec: [] as Requirement[] },
    after: { cairn: [] as Requirement[], openspec: [] as Requirement[] },
  };
  const sharing = { before: [] as SpecDocument[], after: [] as SpecDocument[] };
  for (const other of context.documents) {
    if (other.path === file.path) continue;
    const side = other.path < file.path ? 'before' : 'after';
    held[side][other.format === 'openspec' ? 'openspec' : 'cairn'].push(...other.requirements);
    if (sharesFacts(own, other)) sharing[side].push({ ...other, requirements: [] });
  }
  const documents = [
    requirementHolder('cairn', held.before.cairn),
    requirementHolder('openspec', held.before.openspec),
    ...sharing.before,
    own,
    ...sharing.after,
    requirementHolder('cairn', held.after.cairn),
    requirementHolder('openspec', held.after.openspec),
  ];
  const workspace: Workspace = {
    documents,
    // Which layouts were found is not read by any rule.
    layouts: [],
    paths: context.paths.includes(file.path) ? context.paths : [...context.paths, file.path],
    config: context.config,
    settings: parsedSettings,
    problems: [],
  };
  const { findings } = lintWorkspace(workspace, { ...options, files: new Set([file.path]) });
  for (const f of findings) counts[f.severity]++;
  return { findings, counts };
}
