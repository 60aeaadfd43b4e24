/** Issues (`field: message`) that belong to a field: `baseUrl` takes `baseUrl: …` and `baseUrl.x: …`. */
export function issuesFor(issues: readonly string[], field: string): string[] {
  return issues
    .filter((i) => i.startsWith(`${field}:`) || i.startsWith(`${field}.`))
    .map((i) => i.slice(i.indexOf(':') + 1).trim());
}
