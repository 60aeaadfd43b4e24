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
  { keys: 'J / K', does: 'Next / previous changed requirement', where: 'Review' },
  { keys: 'Ctrl+Enter', does: 'Save the comment you are writing', where: 'Review' },
  { keys: 'Escape', does: 'Back to the list of records', where: 'Records, a call open' },
];
