// The CodeMirror 6 set-up of the spec editor: Markdown, the live linter with its fixes, links
// on requirement IDs (Ctrl/Cmd-click, F12), save on Mod-S, and a theme drawn from the app's
// CSS variables so light and dark both work.
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { REQUIREMENT_ID } from '../../../../workflows/drift/requirement-ids.ts';
import { idAt, requirementAt } from './requirement-at.ts';

export interface EditorHooks {
  /** Lints the text of the view; resolves to its diagnostics (empty for files not linted). */
  lint(view: EditorView): Promise<Diagnostic[]>;
  onText(text: string): void;
  /** The requirement the cursor is in (or null) since `at` (performance.now()), as it moves. */
  onCursorRequirement(id: string | null, at: number): void;
  showReferences(id: string): void;
  save(): void;
}

/** What differs between documents: read-only code or an editable spec, and the editor's name. */
export function documentExtensions(options: { path: string; readOnly: boolean }): Extension {
  return [
    EditorState.readOnly.of(options.readOnly),
    EditorView.contentAttributes.of({
      'aria-label': `${options.readOnly ? 'Read-only view of' : 'Editing'} ${options.path}`,
      // Focusable already (contenteditable); said outright so checkers see the scroller's
      // content can take the keyboard focus.
      tabindex: '0',
    }),
    options.readOnly ? [] : markdown(),
  ];
}

const highlight = HighlightStyle.define([
  { tag: tags.heading, color: 'var(--md-heading)', fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: [tags.link, tags.url], color: 'var(--md-link)' },
  { tag: [tags.monospace, tags.processingInstruction], color: 'var(--md-code)' },
  { tag: [tags.meta, tags.comment, tags.contentSeparator], color: 'var(--md-meta)' },
  { tag: tags.list, color: 'var(--md-list)' },
  { tag: tags.quote, color: 'var(--md-meta)', fontStyle: 'italic' },
]);

// The editor lives in a shadow root (see SpecEditor.tsx): the app's style sheets do not reach
// it, so everything it looks like is here; the CSS variables do reach it.
const theme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--panel)',
    height: '100%',
    fontSize: '13px',
  },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-gutters': { borderRightColor: 'var(--accent)' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active-line)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--editor-selection) !important',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--panel)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
  },
  '.cm-diagnosticSource': { color: 'var(--muted)', fontFamily: 'var(--mono)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--text)' },
  '.cm-req-id': { textDecoration: 'underline dotted', textUnderlineOffset: '3px' },
  '.cm-searchMatch': { backgroundColor: 'var(--editor-match)' },
});

/** Requirement IDs look like links (Ctrl/Cmd-click or F12 shows their references). */
const idLinks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    private readonly matcher = new MatchDecorator({
      regexp: new RegExp(REQUIREMENT_ID.source, 'g'),
      decoration: Decoration.mark({
        class: 'cm-req-id',
        attributes: { title: 'Ctrl+click (⌘-click) or F12: show references' },
      }),
    });
    constructor(view: EditorView) {
      this.decorations = this.matcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = this.matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export function editorExtensions(hooks: EditorHooks, perDocument: Extension): Extension {
  let cursorTimer: number | null = null;
  return [
    keymap.of([
      {
        key: 'Mod-s',
        preventDefault: true,
        run: () => {
          hooks.save();
          return true;
        },
      },
      {
        key: 'F12',
        preventDefault: true,
        run: (view) => {
          const id = requirementAt(view.state.doc, view.state.selection.main.head);
          if (id) hooks.showReferences(id);
          return id !== null;
        },
      },
    ]),
    basicSetup,
    perDocument,
    EditorView.lineWrapping,
    syntaxHighlighting(highlight),
    theme,
    idLinks,
    lintGutter(),
    linter((view) => hooks.lint(view), { delay: 300 }),
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return false;
        // The ID's own mark says which it is; the position is the fallback.
        const mark = event.target instanceof Element ? event.target.closest('.cm-req-id') : null;
        const pos = mark ? null : view.posAtCoords({ x: event.clientX, y: event.clientY });
        const id = mark?.textContent ?? (pos === null ? null : idAt(view.state.doc, pos));
        if (!id) return false;
        event.preventDefault();
        hooks.showReferences(id);
        return true;
      },
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onText(update.state.doc.toString());
      if (update.docChanged || update.selectionSet) {
        const at = performance.now();
        if (cursorTimer !== null) window.clearTimeout(cursorTimer);
        cursorTimer = window.setTimeout(() => {
          cursorTimer = null;
          const state = update.view.state;
          hooks.onCursorRequirement(requirementAt(state.doc, state.selection.main.head), at);
        }, 250);
      }
    }),
  ];
}
