// The CodeMirror editor of the open document. The store holds the text; the view is created
// once and takes a new state when another file opens, or a full replacement (undoable) when the
// text is replaced from outside (reload, another panel's replaceDocument).
import { forceLinting } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useCairn } from '../../state/store.ts';
import { documentExtensions, editorExtensions, type EditorHooks } from './editor-setup.ts';
import { createLintClient, type LintClient } from './lint-client.ts';
import { minimalChange, toDiagnostics } from './lint-diagnostics.ts';

export function SpecEditor() {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const shown = useRef<{ path: string; revision: number } | null>(null);
  const path = useCairn((s) => s.document?.path ?? null);
  const revision = useCairn((s) => s.document?.revision ?? 0);
  const jump = useCairn((s) => s.jump);
  const lintContext = useCairn((s) => s.lintContext);
  const lintClient = useRef<LintClient | null>(null);
  const hooksRef = useRef<EditorHooks | null>(null);

  // One view for the life of the component; each document gets a fresh state (and history).
  useEffect(() => {
    const client = createLintClient();
    lintClient.current = client;
    const store = useCairn.getState;
    const hooks: EditorHooks = {
      async lint(view) {
        const { document, lintContext: context, setLiveLint } = store();
        if (!document || document.readOnly || !context) return [];
        const text = view.state.doc.toString();
        const { findings, elapsedMs } = await client.lint({ path: document.path, text });
        // The file may have changed while the linter ran; CodeMirror drops stale results.
        if (store().document?.path !== document.path) return [];
        setLiveLint({ path: document.path, text, findings, elapsedMs });
        return toDiagnostics(view.state.doc, findings);
      },
      onText: (text) => store().editText(text),
      onCursorRequirement: (id, at) => store().setCursorRequirement(id, at),
      showReferences: (id) => void store().showReferences(id),
      save: () => void store().saveDocument(),
    };
    hooksRef.current = hooks;
    // CodeMirror puts its styles in a <style> element in a document, which the strict CSP
    // (style-src 'self') blocks; in a shadow root it uses constructable style sheets instead.
    const element = host.current as HTMLDivElement;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.className = 'spec-editor-root';
    parent.style.height = '100%';
    shadow.replaceChildren(parent);
    const view = new EditorView({ parent, root: shadow });
    viewRef.current = view;
    return () => {
      shadow.replaceChildren();
      view.destroy();
      client.dispose();
      viewRef.current = null;
      shown.current = null;
    };
  }, []);

  // Another file, or the same file's text replaced from outside the editor.
  useEffect(() => {
    const view = viewRef.current;
    const hooks = hooksRef.current;
    const document = useCairn.getState().document;
    if (!view || !hooks || !document || document.path !== path) return;
    const last = shown.current;
    if (last?.path === document.path && last.revision === document.revision) return;
    shown.current = { path: document.path, revision: document.revision };
    if (last?.path === document.path) {
      // Only the span that differs changes, so the cursor stays and undo takes it back.
      const change = minimalChange(view.state.doc.toString(), document.text);
      if (change) view.dispatch({ changes: change, userEvent: 'input.replace' });
      return;
    }
    view.setState(
      EditorState.create({
        doc: document.text,
        extensions: editorExtensions(
          hooks,
          documentExtensions({ path: document.path, readOnly: document.readOnly }),
        ),
      }),
    );
  }, [path, revision]);

  // A line to show (a search hit, a reference, a finding).
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !jump || jump.path !== path || shown.current?.path !== path) return;
    const line = view.state.doc.line(Math.min(Math.max(jump.line, 1), view.state.doc.lines));
    view.dispatch({
      selection: EditorSelection.cursor(line.from),
      effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
    });
    view.focus();
    useCairn.getState().consumeJump();
  }, [jump, path, revision]);

  // The workspace context arrived or changed: lint again against it.
  useEffect(() => {
    if (!lintContext) return;
    lintClient.current?.setContext(lintContext);
    if (viewRef.current) forceLinting(viewRef.current);
  }, [lintContext]);

  return <div className="spec-editor" ref={host} hidden={path === null} />;
}
