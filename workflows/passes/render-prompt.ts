// `{{name}}` placeholders in prompt and document templates. A placeholder with no value is an
// error that names it: a prompt sent with a literal `{{spec}}` in it wastes a model call.

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}\}/g;

/** The placeholder names `template` uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Fills every `{{name}}` in `template` from `values`. `label` names the template in the error
 * (`prompt "clarify"`, `template "prd"`). `keepMissing` leaves unknown placeholders as written
 * instead (to compare a document with the template it came from).
 */
export function renderPrompt(
  template: string,
  values: Readonly<Record<string, string>>,
  label = 'template',
  options: { keepMissing?: boolean } = {},
): string {
  const missing = placeholdersOf(template).filter((name) => !Object.hasOwn(values, name));
  if (missing.length > 0 && !options.keepMissing) {
    const given = Object.keys(values).sort().join(', ') || 'none';
    throw new Error(
      `${label} uses ${missing.map((m) => `{{${m}}}`).join(', ')}, which the pass does not provide (it provides: ${given})`,
    );
  }
  // One pass over the template: a value that itself contains `{{…}}` is left as written.
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
