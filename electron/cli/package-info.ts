import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../services/package-root.ts';

export { packageRoot };

export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
