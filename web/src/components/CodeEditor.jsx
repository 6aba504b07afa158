// Monaco, one model per problem and language (so each keeps its undo
// history), with compile errors shown as markers. The editor is not
// controlled: feeding every keystroke back as `value` races with fast
// typing. Outside changes (reset, load a submission) come as `replace`
// ({language, code, n}) and are applied once, as an undoable edit.
import { monaco } from '../monacoSetup.js';
import { useEffect, useRef } from 'react';
import Editor from '@monaco-editor/react';
import { toMarkers } from '../lib/compileErrors.js';

const EXT = { python: 'py', cpp: 'cpp', c: 'c', java: 'java', javascript: 'js' };

export default function CodeEditor({ slug, owner, language, monacoLanguage, initialValue, replace, onChange, errors, onMount }) {
  const editorRef = useRef(null);
  const monacoRef = useRef(null);
  // the owner too: Monaco keeps its models for the page's life, and one
  // user's code must not greet the next one after a log out
  const path = `file:///${owner ? `~${owner}/` : ''}${slug}/${language}/solution.${EXT[monacoLanguage] || 'txt'}`;
  // Monaco has no "c" mode of its own: C++ highlighting fits C.
  const known = (id) => monaco.languages.getLanguages().some((l) => l.id === id);
  const mode = known(monacoLanguage) ? monacoLanguage : monacoLanguage === 'c' && known('cpp') ? 'cpp' : 'plaintext';

  const applyMarkers = () => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    if (!editor || !monaco) return;
    const model = editor.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, 'gavel', errors && errors.length ? toMarkers(errors, monaco, model) : []);
  };

  useEffect(applyMarkers, [errors, path]);

  const applied = useRef(0);
  const applyReplace = () => {
    const editor = editorRef.current;
    if (!editor || !replace || replace.n === applied.current || replace.language !== language) return;
    const model = editor.getModel();
    if (!model) return;
    applied.current = replace.n;
    if (model.getValue() === replace.code) return;
    editor.pushUndoStop();
    editor.executeEdits('gavel', [{ range: model.getFullModelRange(), text: replace.code, forceMoveMarkers: true }]);
    editor.pushUndoStop();
    editor.setPosition({ lineNumber: 1, column: 1 });
  };
  useEffect(applyReplace, [replace, path]);

  return (
    <div className="relative min-h-0 flex-1" data-testid="editor">
      <Editor
        path={path}
        language={mode}
        defaultValue={initialValue}
        theme="gavel-dark"
        onChange={(v) => onChange(v ?? '')}
        loading={<div className="p-4 text-sm text-neutral-400">Loading editor…</div>}
        onMount={(editor, monaco) => {
          editorRef.current = editor;
          monacoRef.current = monaco;
          window.__gavelEditor = editor; // for the end-to-end tests
          window.__gavelMonaco = monaco;
          applyMarkers();
          applyReplace();
          if (onMount) onMount(editor, monaco);
        }}
        options={{
          fontSize: 14,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 4,
          renderValidationDecorations: 'on',
          fixedOverflowWidgets: true,
          ariaLabel: 'Code editor',
        }}
      />
    </div>
  );
}
