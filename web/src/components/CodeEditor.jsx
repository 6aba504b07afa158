// Monaco, one model per problem and language (so each keeps its undo
// history), with compile errors shown as markers.
import { useEffect, useRef } from 'react';
import Editor from '@monaco-editor/react';
import { toMarkers } from '../lib/compileErrors.js';

const EXT = { python: 'py', cpp: 'cpp', c: 'c', java: 'java', javascript: 'js' };

export default function CodeEditor({ slug, language, monacoLanguage, value, onChange, errors, onMount }) {
  const editorRef = useRef(null);
  const monacoRef = useRef(null);
  const path = `file:///${slug}/${language}/solution.${EXT[monacoLanguage] || 'txt'}`;

  const applyMarkers = () => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    if (!editor || !monaco) return;
    const model = editor.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, 'gavel', errors && errors.length ? toMarkers(errors, monaco, model) : []);
  };

  useEffect(applyMarkers, [errors, path]);

  return (
    <div className="relative min-h-0 flex-1" data-testid="editor">
      <Editor
        path={path}
        language={monacoLanguage || 'plaintext'}
        value={value}
        theme="gavel-dark"
        onChange={(v) => onChange(v ?? '')}
        loading={<div className="p-4 text-sm text-neutral-400">Loading editor…</div>}
        onMount={(editor, monaco) => {
          editorRef.current = editor;
          monacoRef.current = monaco;
          window.__gavelEditor = editor; // for the end-to-end tests
          window.__gavelMonaco = monaco;
          applyMarkers();
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
