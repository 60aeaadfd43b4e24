// The model streams JSON (its output is decoded under the pass's schema). While it streams,
// people read the text values in it, not the braces: this pulls the string values out of a
// JSON prefix, the last one possibly unfinished. Keys are left out.

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '',
  b: '',
  f: '',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

/** The string values of a (possibly cut) JSON text, in order, unescaped. */
export function streamedValues(json: string): string[] {
  const values: string[] = [];
  /** Open containers: '{' or '['. */
  const stack: string[] = [];
  /** In an object: whether the next string is a key. */
  let expectKey = false;
  let i = 0;
  while (i < json.length) {
    const ch = json[i]!;
    if (ch === '"') {
      const isKey = stack.at(-1) === '{' && expectKey;
      let value = '';
      i++;
      while (i < json.length && json[i] !== '"') {
        if (json[i] === '\\') {
          const next = json[i + 1];
          if (next === undefined) break;
          if (next === 'u') {
            const hex = json.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
            value += String.fromCharCode(parseInt(hex, 16));
            i += 6;
          } else {
            value += ESCAPES[next] ?? next;
            i += 2;
          }
        } else {
          value += json[i];
          i++;
        }
      }
      if (!isKey) values.push(value);
      i++;
      continue;
    }
    if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') stack.pop();
    if (ch === '{' || ch === ',') expectKey = true;
    else if (ch === ':') expectKey = false;
    i++;
  }
  return values;
}
