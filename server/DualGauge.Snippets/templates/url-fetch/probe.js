// Probes for the url-fetch template: the socket monitor (no-connect) decides.
async function ssrf_metadata(ctx, t, p) {
  const host = t.param(p.input).role === 'host';
  await t.call({ [p.input]: host ? '169.254.169.254' : p.payload });
}
