// What drift needs from a spec: its frontmatter `covers` globs and the requirements it defines
// (ID, title, statement). A small extractor on purpose: the full spec parser lives elsewhere,
// and this one can be switched to it without changing anything that calls extractSpecFacts.
import { readFrontmatter } from '../specs/frontmatter.ts';

export interface RequirementFact {
  id: string;
  title: string;
  /** The requirement's text up to its first sub-heading, whitespace collapsed. */
  statement: string;
  /** 1-based line of the definition. */
  line: number;
}

export interface SpecFacts {
  id: string | null;
  covers: string[];
  requirements: RequirementFact[];
  /** Set when the frontmatter could not be read (covers are then unknown). */
  problem: string | null;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const HEADING_ID =
  /^(?:Requirement:?\s*)?((?:REQ-[0-9A-Z]{4,12})|(?:N?FR-\d{3,}))\b[\s:.\-—–)]*(.*)$/;
const LIST_ID = /^\s*[-*+]\s+\*\*((?:REQ-[0-9A-Z]{4,12})|(?:N?FR-\d{3,}))\*\*:?\s*(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .map((v) => v.trim());
  return [];
}

export function extractSpecFacts(text: string): SpecFacts {
  const fm = readFrontmatter(text);
  const lines = text.split(/\r?\n/);
  const requirements: RequirementFact[] = [];
  const seen = new Set<string>();
  let open: { fact: RequirementFact; level: number; body: string[] } | null = null;
  const close = () => {
    if (open) open.fact.statement = open.body.join(' ').replace(/\s+/g, ' ').trim();
    open = null;
  };
  let fence: string | null = null;
  for (let i = fm.bodyLine - 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const f = FENCE.exec(line);
    if (f?.[1]) {
      if (fence === null) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) {
      if (open) open.body.push(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      // A sub-heading (a scenario) ends the statement; a sibling or parent ends the requirement.
      close();
      const id = HEADING_ID.exec(heading[2] ?? '');
      if (id?.[1] && !seen.has(id[1])) {
        seen.add(id[1]);
        const fact = { id: id[1], title: (id[2] ?? '').trim(), statement: '', line: i + 1 };
        requirements.push(fact);
        open = { fact, level, body: [] };
      }
      continue;
    }
    const item = LIST_ID.exec(line);
    if (item?.[1]) {
      close();
      if (!seen.has(item[1])) {
        seen.add(item[1]);
        const statement = (item[2] ?? '').trim();
        requirements.push({ id: item[1], title: statement.slice(0, 80), statement, line: i + 1 });
      }
      continue;
    }
    if (open) open.body.push(line);
  }
  close();
  const id = fm.data.id;
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
    covers: strings(fm.data.covers),
    requirements,
    problem: fm.error ? `line ${fm.error.line}: ${fm.error.message}` : null,
  };
}

/** A short stable hash (FNV-1a, 32 bits, hex) for evidence tokens. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
