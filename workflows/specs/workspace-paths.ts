// Path arithmetic for workspace-relative paths (forward slashes), without Node's `path`.

/** Joins and normalizes; null when the result would leave the workspace. */
export function resolveRelative(fromFile: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : fromFile.split('/').slice(0, -1);
  const parts = [...base];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

export type LinkTarget =
  { kind: 'external' } | { kind: 'anchor' } | { kind: 'outside' } | { kind: 'local'; path: string };

/** What a Markdown or frontmatter link in `fromFile` points at. */
export function linkTarget(fromFile: string, url: string): LinkTarget {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return { kind: 'external' };
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'anchor' };
  let bare = trimmed.replace(/[?#].*$/, '');
  try {
    bare = decodeURIComponent(bare);
  } catch {
    // A malformed escape: look the link up as written.
  }
  const path = resolveRelative(fromFile, bare);
  return path === null ? { kind: 'outside' } : { kind: 'local', path };
}

/** Every file path and every folder that holds one. */
export function pathIndex(paths: readonly string[]): { files: Set<string>; folders: Set<string> } {
  const files = new Set(paths);
  const folders = new Set<string>(['']);
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return { files, folders };
}
