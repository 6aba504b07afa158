// Turn a compiler's or interpreter's message into editor markers.
// The C++ harness reports solution.cpp:LINE:COL: error: ..., Python
// reports File "solution.py", line N (with the error type on a later line).

const GCC_RE = /(?:^|[\s/\\'"(])solution\.(?:cpp|cc|c|h)(?::|\()(\d+)(?::(\d+))?\)?:\s*(fatal error|error|warning|note)\s*:\s*(.*)$/;
const PY_FILE_RE = /File "(?:[^"]*[/\\])?solution\.py", line (\d+)/;
const PY_ERR_RE = /^\s*([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt))(?::\s*(.*))?$/;

/**
 * @returns {{line:number, column:number|null, message:string, severity:'error'|'warning'}[]}
 */
export function parseCompileErrors(output, language = '') {
  if (!output) return [];
  const lines = String(output).split(/\r?\n/);
  const out = [];
  const isPy = /^py/i.test(language) || (!language && PY_FILE_RE.test(output));
  if (!isPy) {
    for (const l of lines) {
      const m = GCC_RE.exec(l);
      if (!m) continue;
      const kind = m[3];
      if (kind === 'note') continue;
      out.push({
        line: Number(m[1]),
        column: m[2] ? Number(m[2]) : null,
        message: m[4].trim() || kind,
        severity: kind === 'warning' ? 'warning' : 'error',
      });
    }
    return dedupe(out);
  }
  // Python: each File "solution.py", line N frame; the error text is the
  // first "XxxError: message" line after the last frame.
  let pending = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const f = PY_FILE_RE.exec(l);
    if (f) {
      pending = { line: Number(f[1]) };
      continue;
    }
    const e = PY_ERR_RE.exec(l);
    if (e && pending) {
      out.push({
        line: pending.line,
        column: null,
        message: e[2] ? `${e[1]}: ${e[2]}` : e[1],
        severity: 'error',
      });
      pending = null;
    }
  }
  if (pending) out.push({ line: pending.line, column: null, message: lines.filter(Boolean).pop() || 'error', severity: 'error' });
  return dedupe(out);
}

function dedupe(list) {
  const seen = new Set();
  return list.filter((m) => {
    const k = `${m.line}:${m.column}:${m.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Convert to Monaco marker data; `model` gives line lengths when present. */
export function toMarkers(errors, monaco, model) {
  const lineCount = model ? model.getLineCount() : Infinity;
  return errors
    .filter((e) => e.line >= 1)
    .map((e) => {
      const line = Math.min(e.line, lineCount === Infinity ? e.line : lineCount);
      const maxCol = model ? model.getLineMaxColumn(line) : 1000;
      let start = 1;
      let end = maxCol;
      if (e.column && model) {
        start = Math.min(e.column, maxCol);
        const word = model.getWordAtPosition({ lineNumber: line, column: start });
        end = word ? word.endColumn : Math.min(start + 1, maxCol);
        if (end <= start) { start = 1; end = maxCol; }
      } else if (model) {
        const first = model.getLineFirstNonWhitespaceColumn(line);
        start = first > 0 ? first : 1;
      }
      return {
        startLineNumber: line,
        startColumn: start,
        endLineNumber: line,
        endColumn: Math.max(end, start + 1),
        message: e.message,
        severity: e.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
        source: 'gavel',
      };
    });
}
