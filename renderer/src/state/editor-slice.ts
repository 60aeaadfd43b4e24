// The document open in the Workspace view's editor: its text as typed, the text on disk it
// started from, saving (never over someone else's change without asking) and reloading. Other
// panels (the Assist panel, say) read `document` and write with replaceDocument.
import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface OpenDocument {
  path: string;
  /** The text in the editor now. */
  text: string;
  /** The text as last read from disk or saved. */
  savedText: string;
  /** Version of `savedText` on disk (workspace.readFile); null before the first save. */
  version: string | null;
  /** Code and other non-Markdown files open read-only. */
  readOnly: boolean;
  /** The file uses CRLF line endings; the editor works in LF and saves them back. */
  crlf: boolean;
  /**
   * Bumped whenever the text is replaced from outside the editor (open, reload,
   * replaceDocument), so the editor view knows to take `text` in.
   */
  revision: number;
}

export type SaveState =
  { state: 'idle' | 'saving' | 'saved' } | { state: 'conflict' | 'error'; message: string };

export interface EditorSlice {
  document: OpenDocument | null;
  documentState: 'idle' | 'loading' | 'ready' | 'error';
  documentError: CairnError | null;
  /** A line to show: the editor moves the cursor there once and clears it. */
  jump: { path: string; line: number } | null;
  save: SaveState;
  /** The open file changed on disk while it had unsaved edits. */
  changedOnDisk: boolean;
  /** Documents with unsaved edits that are not in the editor now, by path (kept, not lost). */
  drafts: Record<string, OpenDocument>;
  /** Opens a file in the editor (at a line); unsaved edits of the one it replaces become a draft. */
  openDocument(path: string, options?: { line?: number }): Promise<void>;
  /** The editor reports what the user typed. */
  editText(text: string): void;
  /** Replaces the open document's text (as an edit the user can undo and must save). */
  replaceDocument(path: string, text: string): boolean;
  /** Reads the open document again from disk, dropping unsaved edits. */
  reloadDocument(): Promise<void>;
  saveDocument(options?: { overwrite?: boolean }): Promise<void>;
  /** Files changed on disk (workspace.changes): reloads the open one if it has no edits. */
  filesChangedOnDisk(paths: readonly string[]): Promise<void>;
  consumeJump(): void;
}

export const isDirty = (document: OpenDocument | null) =>
  document !== null && document.text !== document.savedText;

const isMarkdown = (path: string) => path.toLowerCase().endsWith('.md');

export const createEditorSlice: StateCreator<CairnState, [], [], EditorSlice> = (set, get) => ({
  document: null,
  documentState: 'idle',
  documentError: null,
  jump: null,
  save: { state: 'idle' },
  changedOnDisk: false,
  drafts: {},

  async openDocument(path, options = {}) {
    const current = get().document;
    const jump = options.line ? { path, line: options.line } : null;
    if (current?.path === path) {
      set({ jump });
      return;
    }
    const drafts = { ...get().drafts };
    if (current && isDirty(current)) drafts[current.path] = current;
    const draft = drafts[path];
    if (draft) {
      delete drafts[path];
      set({
        selectedPath: path,
        document: { ...draft, revision: (current?.revision ?? 0) + draft.revision + 1 },
        documentState: 'ready',
        documentError: null,
        drafts,
        jump,
        save: { state: 'idle' },
        changedOnDisk: false,
      });
      return;
    }
    set({
      drafts,
      selectedPath: path,
      documentState: 'loading',
      documentError: null,
      jump,
      save: { state: 'idle' },
      changedOnDisk: false,
    });
    const result = await api().invoke('workspace.readFile', { path });
    if (get().selectedPath !== path) return;
    if (!result.ok) {
      set({ document: null, documentState: 'error', documentError: result.error });
      return;
    }
    const { text, version } = result.value;
    const crlf = text.includes('\r\n');
    const lf = crlf ? text.replace(/\r\n/g, '\n') : text;
    set({
      document: {
        path,
        text: lf,
        savedText: lf,
        version,
        readOnly: !isMarkdown(path),
        crlf,
        revision: (get().document?.revision ?? 0) + 1,
      },
      documentState: 'ready',
    });
  },

  editText(text) {
    const document = get().document;
    if (!document || document.text === text) return;
    set({ document: { ...document, text }, save: { state: 'idle' } });
  },

  replaceDocument(path, text) {
    const document = get().document;
    if (!document || document.path !== path || document.readOnly) return false;
    set({
      document: { ...document, text, revision: document.revision + 1 },
      save: { state: 'idle' },
    });
    return true;
  },

  async reloadDocument() {
    const document = get().document;
    if (!document) return;
    const result = await api().invoke('workspace.readFile', { path: document.path });
    const now = get().document;
    if (now?.path !== document.path) return;
    if (!result.ok) {
      set({ save: { state: 'error', message: result.error.message } });
      return;
    }
    const crlf = result.value.text.includes('\r\n');
    const lf = crlf ? result.value.text.replace(/\r\n/g, '\n') : result.value.text;
    set({
      document: {
        ...now,
        text: lf,
        savedText: lf,
        version: result.value.version,
        crlf,
        revision: now.revision + 1,
      },
      save: { state: 'idle' },
      changedOnDisk: false,
    });
  },

  async saveDocument(options = {}) {
    const document = get().document;
    if (!document || document.readOnly) return;
    const { path, text } = document;
    set({ save: { state: 'saving' } });
    const result = await api().invoke('workspace.writeFile', {
      path,
      text: document.crlf ? text.replace(/\n/g, '\r\n') : text,
      expectedVersion: document.version,
      overwrite: options.overwrite,
    });
    const now = get().document;
    if (now?.path !== path) return;
    if (!result.ok) {
      set({
        save: {
          state: result.error.code === 'conflict' ? 'conflict' : 'error',
          message: result.error.message,
        },
      });
      return;
    }
    set({
      // What was typed while saving stays unsaved.
      document: { ...now, savedText: text, version: result.value.version },
      save: { state: 'saved' },
      changedOnDisk: false,
    });
    // What others see of this file changed: git state, and the linter's view of the workspace.
    void get().loadGitStatus();
    void get().loadLintContext();
  },

  async filesChangedOnDisk(paths) {
    const document = get().document;
    if (!document || !paths.includes(document.path)) return;
    const result = await api().invoke('workspace.readFile', { path: document.path });
    if (!result.ok || result.value.version === get().document?.version) return;
    if (isDirty(get().document)) set({ changedOnDisk: true });
    else await get().reloadDocument();
  },

  consumeJump() {
    set({ jump: null });
  },
});
