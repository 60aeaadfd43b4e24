// Every keyboard shortcut, listed in one place so the shortcuts dialog (press ?) is complete.
// Views add theirs here when they add a key handler.
export interface Shortcut {
  keys: string;
  does: string;
  where: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Alt+1 … Alt+9', does: 'Switch view, in the order of the navigation', where: 'Anywhere' },
  { keys: '?', does: 'Show these shortcuts', where: 'Anywhere outside a text field' },
  { keys: 'Escape', does: 'Close a dialog (cancels it)', where: 'Dialogs' },
  { keys: 'Tab / Shift+Tab', does: 'Move between controls', where: 'Anywhere' },
  { keys: 'Ctrl+K, Ctrl+Shift+F', does: 'Search the specs', where: 'Workspace' },
  { keys: '↑ ↓ ← → Enter', does: 'Move in the file tree, open a file', where: 'Workspace' },
  { keys: 'Ctrl+S', does: 'Save the open spec', where: 'Workspace' },
  { keys: 'Ctrl+click, F12', does: 'References of a requirement ID', where: 'Workspace editor' },
  {
    keys: 'Ctrl+Shift+M',
    does: 'All findings of the file in the editor',
    where: 'Workspace editor',
  },
  { keys: '← → Home End', does: 'Move between side-panel tabs', where: 'Workspace' },
  { keys: 'J / K', does: 'Next / previous changed requirement', where: 'Review' },
  { keys: 'Ctrl+Enter', does: 'Save the comment you are writing', where: 'Review' },
  { keys: 'Escape', does: 'Back to the list of records', where: 'Records, a call open' },
];
