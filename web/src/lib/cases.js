// Test cases in the console: the samples (editable) plus custom ones.
// A case is the raw .in text; for function problems one JSON value per
// line, one line per parameter.

export function sampleInputs(problem) {
  return (problem && Array.isArray(problem.samples) ? problem.samples : []).map((s) => normalize(s.input));
}

export function normalize(text) {
  return String(text ?? '').replace(/\r\n/g, '\n').replace(/\n+$/, '');
}

/** Parameter names when the case can be edited field by field. */
export function paramNames(problem) {
  const sig = problem && problem.signature;
  if (!sig || !Array.isArray(sig.params) || problem.kind === 'stdio') return null;
  return sig.params.map((p) => p.name);
}

export function splitFields(input, n) {
  const lines = normalize(input).split('\n');
  if (lines.length === n) return lines;
  if (lines.length < n) return [...lines, ...Array(n - lines.length).fill('')];
  return null; // does not fit the fields: edit as raw text
}

export function joinFields(fields) {
  return fields.map((f) => String(f).replace(/\n/g, ' ')).join('\n');
}

/**
 * How to run these cases with POST /api/run, which runs either all the
 * samples (no input) or one given input. Returns the requests to make and
 * how to map their results back to the cases, in order.
 *   { runSamples: bool, custom: [caseIndex...], pick: [{from:'samples', i} | {from:'custom', i}] }
 */
export function planRun(cases, samples) {
  const norm = samples.map(normalize);
  const pick = [];
  const custom = [];
  let runSamples = false;
  cases.forEach((c, idx) => {
    const i = norm.indexOf(normalize(c));
    if (i >= 0) {
      runSamples = true;
      pick.push({ from: 'samples', i });
    } else {
      pick.push({ from: 'custom', i: custom.length });
      custom.push(idx);
    }
  });
  return { runSamples, custom, pick };
}

/** Merge the answers of planRun's requests into one run result. */
export function mergeRun(plan, samplesResult, customResults) {
  const all = [samplesResult, ...customResults].filter(Boolean);
  const ce = all.find((r) => r.verdict === 'CE');
  if (ce) return { verdict: 'CE', compile_output: ce.compile_output, cases: [] };
  const cases = plan.pick.map((p) => {
    if (p.from === 'samples') return (samplesResult && samplesResult.cases && samplesResult.cases[p.i]) || null;
    const r = customResults[p.i];
    return (r && r.cases && r.cases[0]) || null;
  });
  const bad = cases.find((c) => c && c.verdict && c.verdict !== 'AC');
  return {
    verdict: bad ? bad.verdict : cases.every(Boolean) ? 'AC' : all.map((r) => r.verdict).find((v) => v && v !== 'AC') || 'IE',
    compile_output: all.map((r) => r.compile_output).find(Boolean) || '',
    message: all.map((r) => r.message).find(Boolean) || null,
    cases,
  };
}
