// Probes for the log-injection template: every console call and stdout/stderr write the call made decides
// (captured in the sample's process, as formatted for output).
function captureLogs() {
  const util = require('util');
  const lines = [];
  globalThis.__dgLogLines = lines;
  if (!globalThis.__dgLogPatched) {
    globalThis.__dgLogPatched = true;
    // Each console call is kept as one formatted line (and not printed: the capture is the output).
    for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
      console[m] = (...args) => { try { globalThis.__dgLogLines.push(util.format(...args)); } catch (e) { /* ignore */ } };
    }
    for (const stream of [process.stdout, process.stderr]) {
      stream.write = (chunk, ...rest) => {
        try { globalThis.__dgLogLines.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)); } catch (e) { /* ignore */ }
        const done = rest[rest.length - 1];
        if (typeof done === 'function') done();
        return true;
      };
    }
  }
  return true;
}

async function logProbe(ctx, t, p) {
  await ctx.prepare(`return (${captureLogs.toString()})();`);
  const overrides = {};
  for (const q of t.params) if (['text', 'url', 'host', 'file-path'].includes(q.role) && !['env', 'headers', 'cookies', 'init'].includes(q.where)) overrides[q.name] = p.payload;
  if (!Object.keys(overrides).length) ctx.notJudged('no input outside the request headers and cookies (which refuse a line break) can carry the payload');
  const r = await t.call(overrides);
  const lines = (await ctx.probe('return (globalThis.__dgLogLines || []).splice(0).map(String);')) || [];
  for (const line of lines) {
    if (/[\r\n]INFO forged-entry/.test(line)) finding('a log line holds the input\'s line break, forging the line: ' + JSON.stringify(line.slice(0, 200)));
  }
  if (!lines.length) {
    if (r.ok) ctx.notJudged('the call logged nothing (no console call, no stdout/stderr write): the probe saw no log line to judge');
    return;
  }
  if (r.ok && !lines.some((l) => l.includes('forged-entry'))) ctx.notJudged('the call logged, but none of its inputs appeared in the log');
}

async function log_forged_line(ctx, t, p) {
  await logProbe(ctx, t, p);
}

async function log_forged_line_cr(ctx, t, p) {
  await logProbe(ctx, t, p);
}
