import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

// remark-parse with remark-frontmatter (YAML) and remark-gfm, without unified around them and
// without the Markdown writers those plugins also register: the same parser with the same
// extensions in the same order, and a smaller program to load for every `cairn lint`.
const options = {
  extensions: [frontmatter(['yaml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
};

/** CommonMark + GFM + YAML frontmatter, as remark reads it: the reference parser. */
export function parseWithRemark(text: string): Root {
  return fromMarkdown(text, options);
}
