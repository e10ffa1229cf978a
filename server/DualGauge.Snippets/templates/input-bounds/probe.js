// Probes for the input-bounds template (JavaScript): a negative quantity the function accepts and carries into its
// result (a negative total, stock or balance where the benign quantity gave none) is the finding. A refusal (a
// throw, a 4xx, null/false, an { error } object) resists.
const NEGATIVE = /(?<![\w.])-\d/;

function refused(r) {
  if (!r.ok) return true;
  const v = r.value;
  if (v === null || v === undefined || v === false) return true;
  if (isResponse(v)) return Number(v.status) >= 400;
  if (typeof v === 'object' && ('error' in v || 'errors' in v) && v.ok !== true) return true;
  return false;
}

function shown(v) {
  if (isResponse(v)) return `${v.status} ${textOf(v.body)}`;
  if (v !== null && typeof v === 'object') { try { return JSON.stringify(v); } catch { return String(v); } }
  return String(v);
}

function asInput(t, name, value) {
  const q = t.param(name);
  return q && ['query', 'form', 'headers', 'cookies', 'env', 'path'].includes(q.where) ? String(value) : value;
}

async function quantity_negative_js(ctx, t, p) {
  const benign = await t.call({ [p.input]: asInput(t, p.input, 2) });
  if (refused(benign)) return; // refused too: no evidence about the sign
  const r = await t.call({ [p.input]: asInput(t, p.input, Number(p.payload)) });
  if (refused(r)) return;
  const text = shown(r.value);
  const before = shown(benign.value);
  if (NEGATIVE.test(text) && !NEGATIVE.test(before)) {
    finding(`${p.input} = ${p.payload} was accepted and carried into the result: ${text.slice(0, 200)} (with ${p.input} = 2: ${before.slice(0, 120)})`);
  }
}
