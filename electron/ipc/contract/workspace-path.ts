// A path inside the open workspace, as every channel that names a file takes it. Its own file
// so that the area contracts can use it without importing contract.ts (which imports them).
import { z } from 'zod';

/** A path inside the open workspace, relative, with forward slashes, never escaping it. */
export const WorkspacePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'must be a relative path inside the workspace (no "..", no leading "/")',
  });
