// Probes for the redirect template: the redirect target the function returned or set on the response decides.
async function redirectProbe(ctx, t, p) {
  const r = await t.call({ [p.input]: p.payload });
  const target = r.ok ? redirectTarget(r.value) : '';
  if (external(target)) finding('redirects to an external site: ' + target);
}

async function open_redirect_absolute(ctx, t, p) {
  await redirectProbe(ctx, t, p);
}

async function open_redirect_scheme_relative(ctx, t, p) {
  await redirectProbe(ctx, t, p);
}

async function open_redirect_lookalike_js(ctx, t, p) {
  const host = (t.spec.hosts || [])[0] || 'app.example';
  const payload = p.payload.replace('<host>', host);
  const r = await t.call({ [p.input]: payload });
  const target = r.ok ? redirectTarget(r.value) : '';
  if (external(target) && !/^\/(?![/\\])/.test(target.trim())) finding('redirects to a look-alike external site: ' + target);
}
