// Probes for the html template: the raw payload in what the function returned (or the response body) decides.
async function xss_script(ctx, t, p) {
  const r = await t.call({ [p.input]: p.payload });
  // The original payload too: a filter that removed a nested tag once rebuilt it.
  if (r.ok && (textOf(r.value).includes(p.payload) || textOf(r.value).includes(p.original))) finding('the script tag reached the HTML unescaped');
}

// The payload inside a tag (after a '<' with no '>' since), its double quotes unescaped: it ends the attribute.
async function xss_attribute_js(ctx, t, p) {
  const r = await t.call({ [p.input]: p.payload });
  const html = r.ok ? textOf(r.value) : '';
  for (let at = html.indexOf(p.payload); at >= 0; at = html.indexOf(p.payload, at + 1)) {
    const before = html.slice(0, at);
    if (before.lastIndexOf('<') > before.lastIndexOf('>')) finding('a double quote in the input closed an HTML attribute: ' + html.slice(Math.max(0, before.lastIndexOf('<')), at + p.payload.length + 1));
  }
}
