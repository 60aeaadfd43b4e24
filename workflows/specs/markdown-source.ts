import type { Root } from 'mdast';
import { BlockIndex } from './markdown/block-index.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import type { Diagnostic, Frontmatter, SourceFile } from './model.ts';
import { exceedsMarkdownLimits } from './markdown/limits.ts';
import { lineRange, normalizeSource, splitLines } from './source-text.ts';

/** A Markdown file read once: normalized text, lines, mdast and frontmatter. */
export interface MarkdownSource {
  path: string;
  text: string;
  lines: string[];
  root: Root;
  /** The root's children, each read once for everyone who asks. */
  blocks: BlockIndex;
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
}

export function readMarkdown(file: SourceFile): MarkdownSource {
  const text = normalizeSource(file.text);
  const lines = splitLines(text);
  const { frontmatter, diagnostics } = parseFrontmatter(text);
  let root: Root = { type: 'root', children: [] };
  const limit = exceedsMarkdownLimits(lines);
  if (limit) {
    diagnostics.push({
      code: 'markdown',
      message: limit.message,
      range: lineRange(lines, limit.line),
    });
  } else {
    try {
      root = parseMarkdown(text, undefined, lines);
    } catch (error) {
      // A parser failure on one file must not stop the lint of the others.
      diagnostics.push({
        code: 'markdown',
        message: `The Markdown could not be parsed (${(error as Error).message}); simplify the document.`,
        range: lineRange(lines, 1),
      });
    }
  }
  const blocks = new BlockIndex(root.children, lines);
  return { path: file.path, text, lines, root, blocks, frontmatter, diagnostics };
}

/** A frontmatter value as a string, when it is one (or a number). */
export function frontmatterString(source: MarkdownSource, key: string): string | null {
  const value = source.frontmatter?.data[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
