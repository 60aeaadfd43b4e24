// The spec model: what Cairn knows about a workspace's specs, whatever layout they came in
// (Cairn's own, GitHub Spec Kit, OpenSpec, Kiro). Plain data, so it crosses IPC unchanged.
import type { ParsedConfig } from './workspace-config.ts';

/** 1-based line and column, as editors show them. */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive (the position just after the last character), as in mdast and SARIF. */
export interface Range {
  start: Position;
  end: Position;
}

/** One file handed to the parser. Reading it from disk is the caller's job. */
export interface SourceFile {
  /** Relative to the workspace root, with forward slashes. */
  path: string;
  text: string;
}

/** A file the reader saw but could not hand over as text, or handed over with a defect. */
export interface FileProblem {
  path: string;
  kind: 'binary' | 'too-large' | 'invalid-utf8' | 'unreadable';
  message: string;
  /** Where the defect is, when it has a place (the first invalid byte, say). */
  range?: Range;
}

/** Everything the parser needs about a workspace; built by the Node side (or the renderer). */
export interface WorkspaceInput {
  /** Text files to parse: Markdown specs and `.cairn/config.yaml`. */
  files: SourceFile[];
  /** Every file path in the workspace (text or not), to resolve links and `covers` globs. */
  paths: string[];
  problems?: FileProblem[];
}

export type SpecFormat = 'cairn' | 'speckit' | 'openspec' | 'kiro';

export type DocumentKind =
  | 'prd'
  | 'requirements'
  | 'design'
  | 'tasks'
  | 'spec'
  | 'delta'
  | 'proposal'
  | 'plan'
  | 'bugfix'
  | 'constitution'
  | 'steering'
  | 'other';

export type DeltaOperation = 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';

export interface Frontmatter {
  data: Record<string, unknown>;
  /** The whole block, fences included. */
  range: Range;
  /** Where each top-level key and its value are written; `items` for a list value. */
  fields: Record<string, { key: Range; value: Range; items?: Range[] }>;
}

export interface Diagnostic {
  /** What went wrong: the frontmatter, or Markdown past the parser's limits. */
  code: 'frontmatter' | 'markdown';
  message: string;
  range: Range;
}

export interface Section {
  depth: number;
  title: string;
  /** The heading line. */
  range: Range;
  /** From the heading to the end of the section (before the next heading of the same or a higher level). */
  extent: Range;
}

export type StepKeyword = 'GIVEN' | 'WHEN' | 'THEN' | 'AND' | 'BUT';

export interface Step {
  keyword: StepKeyword;
  text: string;
  range: Range;
}

export interface Scenario {
  name: string;
  range: Range;
  /** Heading level for heading scenarios; null for list-item scenarios (Spec Kit). */
  headingDepth: number | null;
  steps: Step[];
}

export type RequirementKind =
  /** A normative statement: Cairn `REQ-…`, Spec Kit `FR-###`, OpenSpec `Requirement:`. */
  | 'requirement'
  /** A user story (Spec Kit `US1`, Kiro `Requirement 1`). */
  | 'story'
  /** A numbered acceptance criterion (Kiro `1.2`). */
  | 'criterion';

export interface Requirement {
  /** `REQ-7KQ2M4`, `FR-001`, `US1`, `1.2`, or an OpenSpec requirement name. */
  id: string;
  kind: RequirementKind;
  /**
   * Where the ID is unique: '' for Cairn's workspace-wide `REQ-` IDs; the feature or
   * capability folder for Spec Kit, Kiro and OpenSpec, whose numbering restarts per folder.
   */
  scope: string;
  path: string;
  title: string;
  /** The normative text with Markdown markup removed; '' when the requirement has no body. */
  statement: string;
  /** Maps statement offsets back to the file (see `rangeInProse`). */
  statementProse: Prose;
  idRange: Range;
  /** The heading (or list item line) that declares the requirement. */
  headingRange: Range;
  /** Level of the declaring heading; null for list-item requirements. */
  headingDepth: number | null;
  /** The whole block. */
  range: Range;
  scenarios: Scenario[];
  /** Whether the format expects acceptance scenarios under this requirement. */
  scenarioExpected: boolean;
  /** OpenSpec change deltas only. */
  delta?: DeltaOperation;
  /** Kiro criteria: the `Requirement N` they belong to. */
  parentId?: string;
}

export type RefStyle = 'req' | 'fr' | 'story' | 'criterion';

/** A citation of a requirement in prose or a task. */
export interface RequirementRef {
  id: string;
  style: RefStyle;
  range: Range;
}

export interface Task {
  /** `T001`, `1.2`, or null when the task has no ID. */
  id: string | null;
  done: boolean;
  text: string;
  /** `[P]`: can run in parallel with its neighbours. */
  parallel: boolean;
  /** `[US1]`: the user story it serves. */
  story: string | null;
  refs: RequirementRef[];
  range: Range;
  idRange: Range | null;
}

export interface Link {
  target: string;
  origin: 'frontmatter' | 'markdown';
  range: Range;
}

export interface CoversGlob {
  pattern: string;
  range: Range;
}

/** Spans of prose a reader sees (not code), for word-level checks like open markers. */
export interface ProseBlock {
  prose: Prose;
  range: Range;
}

/** Plain text plus anchors that map its offsets back to file positions. */
export interface Prose {
  text: string;
  /**
   * Sorted by offset; the `length` characters from an anchor's offset sit on its line from its
   * column on.
   */
  anchors: { offset: number; length: number; line: number; column: number }[];
}

/** A requirement block as `openspec validate` reads it (raw text, scenario headings counted). */
export interface OpenSpecBlock {
  name: string;
  /** `### Requirement: name`; other headings under `## Requirements` count in some checks. */
  canonical: boolean;
  /** The heading. */
  range: Range;
  /** Body lines up to the first heading, trimmed, without `**Key**:` metadata lines. */
  body: string;
  /** Names of the level-4 headings that have content under them. */
  scenarios: string[];
  /** Names of every level-4 heading, with content or not. */
  scenarioHeadings: string[];
}

export interface OpenSpecSpecInfo {
  purpose: { text: string; range: Range } | null;
  /** The `## Requirements` heading, if any. */
  requirementsSection: Range | null;
  /** Headings directly under `## Requirements`. */
  blocks: OpenSpecBlock[];
  /** `### Requirement:` headings outside `## Requirements`. */
  misplaced: { name: string; range: Range }[];
  /** `## ADDED Requirements` and friends written in a main spec. */
  deltaHeadings: { text: string; range: Range }[];
}

export interface OpenSpecDeltaInfo {
  /** `## ADDED Requirements` etc., as written. */
  sections: { operation: DeltaOperation; range: Range }[];
  blocks: (OpenSpecBlock & { operation: 'ADDED' | 'MODIFIED' })[];
  removed: { name: string; range: Range; hasReason: boolean; hasMigration: boolean }[];
  renamed: { from: string; to: string; range: Range }[];
  unpairedRenames: { side: 'FROM' | 'TO'; name: string; range: Range }[];
  /** `### …` headings inside ADDED/MODIFIED that are not `### Requirement:` headings. */
  strayHeadings: { text: string; section: string; range: Range }[];
  /** `### Requirement:` blocks outside every delta section. */
  orphans: { name: string; section: string | null; range: Range }[];
}

export interface SpecDocument {
  path: string;
  format: SpecFormat;
  kind: DocumentKind;
  /** The folder whose numbering scopes local IDs (see Requirement.scope); '' for Cairn. */
  scope: string;
  /** Length of each line, to check that ranges stay inside the file. */
  lineLengths: number[];
  frontmatter: Frontmatter | null;
  /** Problems reading the document itself (frontmatter that does not parse, say). */
  diagnostics: Diagnostic[];
  title: string | null;
  sections: Section[];
  requirements: Requirement[];
  tasks: Task[];
  links: Link[];
  covers: CoversGlob[];
  /** Requirement IDs mentioned in prose outside tasks (design notes, PRDs). */
  mentions: RequirementRef[];
  prose: ProseBlock[];
  openspec?: { spec?: OpenSpecSpecInfo; delta?: OpenSpecDeltaInfo; change?: string };
}

export interface Workspace {
  documents: SpecDocument[];
  /** Layouts found, in the order detected. */
  layouts: SpecFormat[];
  paths: string[];
  /** `.cairn/config.yaml`, when present, and what was read from it. */
  config: SourceFile | null;
  settings: ParsedConfig | null;
  problems: FileProblem[];
}
