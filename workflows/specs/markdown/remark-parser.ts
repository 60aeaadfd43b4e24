import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

let processor: ReturnType<typeof createProcessor> | null = null;

function createProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
}

/** CommonMark + GFM + YAML frontmatter, as remark reads it: the reference parser. */
export function parseWithRemark(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text);
}
