// Probes for the html template: the raw payload in what the function returned (or the response body) decides.
async function xss_script(ctx, t, p) {
  const r = await t.call({ [p.input]: p.payload });
  if (r.ok && textOf(r.value).includes(p.payload)) finding('the script tag reached the HTML unescaped');
}
