// Requirements in Cairn's format (resources/spec-format.md), written by code from what the
// model proposed: the ID, heading levels and step keywords are never the model's.

export interface DraftScenario {
  name: string;
  when: string[];
  then: string[];
}

export interface DraftRequirement {
  id: string;
  title: string;
  statement: string;
  scenarios: DraftScenario[];
}

const LEADING_KEYWORD = /^\s*(?:[-*]\s*)?(?:\*\*)?(?:when|then|and|given|but)\b(?:\*\*)?[:,]?\s*/i;

export function renderRequirements(requirements: readonly DraftRequirement[]): string {
  return requirements.map(renderRequirement).join('\n');
}

function renderRequirement(r: DraftRequirement): string {
  const lines = [`### ${r.id}: ${oneLine(r.title)}`, '', oneLine(r.statement), ''];
  for (const scenario of r.scenarios) {
    lines.push(`#### Scenario: ${oneLine(scenario.name)}`, '');
    lines.push(...steps('WHEN', scenario.when), ...steps('THEN', scenario.then), '');
  }
  return lines.join('\n');
}

function steps(keyword: 'WHEN' | 'THEN', texts: readonly string[]): string[] {
  return texts
    .map((t) => oneLine(t).replace(LEADING_KEYWORD, ''))
    .filter((t) => t !== '')
    .map((t, i) => `- ${i === 0 ? keyword : 'AND'} ${t}`);
}

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
