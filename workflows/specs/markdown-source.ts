import type { Root } from 'mdast';
import { parseFrontmatter } from './frontmatter.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import type { Diagnostic, Frontmatter, SourceFile } from './model.ts';
import { normalizeSource, splitLines } from './source-text.ts';

/** A Markdown file read once: normalized text, lines, mdast and frontmatter. */
export interface MarkdownSource {
  path: string;
  text: string;
  lines: string[];
  root: Root;
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
}

export function readMarkdown(file: SourceFile): MarkdownSource {
  const text = normalizeSource(file.text);
  const { frontmatter, diagnostics } = parseFrontmatter(text);
  return {
    path: file.path,
    text,
    lines: splitLines(text),
    root: parseMarkdown(text),
    frontmatter,
    diagnostics,
  };
}

/** A frontmatter value as a string, when it is one (or a number). */
export function frontmatterString(source: MarkdownSource, key: string): string | null {
  const value = source.frontmatter?.data[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
