// Probes for the header-injection template: the header bytes the function produced decide. Node refuses a header
// value with CR/LF itself (ERR_INVALID_CHAR: the handler answers 500, which is the code resisting); a helper that
// returns a header object or header text, or writes raw HTTP to the socket it was given, is judged by those bytes.
const HEADER_NAME = /^(location|set-cookie|content-[\w-]+|cache-control|link|refresh|www-authenticate|x-[\w-]+|access-control-[\w-]+|vary|etag|expires|pragma|retry-after)$/i;
const FORGED = /(\r\n|\r|\n)X-Injected:/i;

function headerPairs(value, depth = 0) {
  if (value === null || value === undefined || depth > 4) return [];
  if (isResponse(value)) return value.headers.map(([k, v]) => [String(k), String(v)]);
  if (Array.isArray(value)) {
    if (value.length && value.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string')) {
      return value.map(([k, v]) => [k, String(v)]).filter(([k]) => HEADER_NAME.test(k.trim()));
    }
    return value.flatMap((v) => headerPairs(v, depth + 1));
  }
  if (typeof value === 'object') {
    const out = [];
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && typeof v === 'object') out.push(...headerPairs(v, depth + 1));
      else if (typeof v === 'string' && HEADER_NAME.test(k.trim())) out.push([k, v]);
    }
    return out;
  }
  return [];
}

function splitIn(value, written) {
  for (const [k, v] of headerPairs(value)) {
    if (k.trim().toLowerCase() === 'x-injected') return `the response carries a forged header ${k}: ${v}`;
    if (/[\r\n]/.test(v)) return `the ${k} header value holds a line break from the input: ${JSON.stringify(v)}`;
  }
  for (const text of [typeof value === 'string' ? value : '', written]) {
    if (text && FORGED.test(text)) return `the header text starts a forged header line: ${JSON.stringify(text.slice(0, 160))}`;
  }
  return null;
}

/** A stream in the sample's process that keeps what the function writes to it (a raw-HTTP socket). */
function recordingSocket() {
  const { PassThrough } = require('stream');
  const s = new PassThrough();
  const chunks = [];
  const write = s.write.bind(s);
  s.write = (chunk, ...rest) => { try { chunks.push(Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk)); } catch (e) { /* ignore */ } return write(chunk, ...rest); };
  const end = s.end.bind(s);
  s.end = (chunk, ...rest) => { if (chunk !== undefined && typeof chunk !== 'function') { try { chunks.push(String(chunk)); } catch (e) { /* ignore */ } } return end(...(typeof chunk === 'function' ? [chunk] : rest)); };
  s.resume();
  globalThis.__dgSocketWrites = chunks;
  return s;
}

async function headerProbe(ctx, t, p) {
  // Every text input carries the payload (whichever reaches a header shows it); request headers and cookies refuse
  // a line break before any code runs, so they keep their benign values unless the probe chose one.
  const overrides = {};
  for (const q of t.params) if (['text', 'url', 'file-path'].includes(q.role) && !['env', 'headers', 'cookies', 'init'].includes(q.where)) overrides[q.name] = p.payload;
  overrides[p.input] = p.payload;
  const socket = t.params.find((q) => q.where === 'arg' && q.name !== p.input && /^(socket|sock|stream|duplex|conn_socket)$/i.test(q.name));
  if (socket) overrides[socket.name] = await ctx.handle(`return (${recordingSocket.toString()})();`);
  const r = await t.call(overrides);
  const written = socket ? String(await ctx.probe("return (globalThis.__dgSocketWrites || []).join('');")) : '';
  if (!r.ok && !written) return; // refused: the function, or Node's header check, threw on the line break
  const why = splitIn(r.ok ? r.value : null, written);
  if (why) finding(why);
}

async function header_crlf(ctx, t, p) {
  await headerProbe(ctx, t, p);
}

async function header_lf_only(ctx, t, p) {
  await headerProbe(ctx, t, p);
}
