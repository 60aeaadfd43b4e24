// What the Save-and-share button says, in words someone who has never used git understands:
// documents are saved, shared with the team, or waiting to be shared.

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export type ShareOutcome =
  | { kind: 'shared'; saved: number; pushed: boolean; broughtIn: boolean }
  | { kind: 'offline'; saved: number; waiting: number }
  | { kind: 'conflicts'; documents: number }
  | { kind: 'no-remote'; saved: number }
  | { kind: 'not-shared-folder' };

export function describeShare(outcome: ShareOutcome): string {
  switch (outcome.kind) {
    case 'shared': {
      const fromTeam = outcome.broughtIn ? ", and brought in the team's latest changes" : '';
      if (outcome.saved > 0) {
        return `Saved ${plural(outcome.saved, 'document')} and shared ${outcome.saved === 1 ? 'it' : 'them'} with the team${fromTeam}`;
      }
      if (outcome.pushed) return `Shared your saved changes with the team${fromTeam}`;
      return outcome.broughtIn
        ? "Nothing new to save; brought in the team's latest changes"
        : 'Nothing new to save; everything is shared with the team';
    }
    case 'offline':
      return `${outcome.saved > 0 ? 'Saved on this computer' : 'You are offline'}; will share when you are back online (${plural(outcome.waiting, 'change')} waiting)`;
    case 'conflicts':
      return `You and a teammate changed the same lines in ${plural(outcome.documents, 'document')}. Choose what to keep.`;
    case 'no-remote':
      return `${outcome.saved > 0 ? `Saved ${plural(outcome.saved, 'document')} on this computer` : 'Everything is saved on this computer'}. To share, connect this folder to the team's repository first.`;
    case 'not-shared-folder':
      return 'Your documents are saved on this computer. This folder is not shared with a team (it is not a git repository).';
  }
}

/** A commit message from the files that changed: `Update prd.md and requirements.md`. */
export function commitMessage(paths: readonly string[]): string {
  const names = [...new Set(paths.map((p) => p.split('/').pop() ?? p))];
  if (names.length === 0) return 'Update documents';
  if (names.length <= 3) {
    return `Update ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}`;
  }
  return `Update ${names.slice(0, 2).join(', ')} and ${names.length - 2} more documents`;
}

/** A failure of a git step, said plainly, with what to do. */
export function describeShareError(error: { code: string; message: string }): string {
  if (error.code === 'auth_failed') {
    return "The team's repository did not accept your sign-in. Check the access token in Settings, then try again.";
  }
  if (error.code === 'conflict') return error.message;
  return `Could not save and share: ${error.message}`;
}
