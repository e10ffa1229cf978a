// corpus: label=secure cwe=CWE-79 function=renderAppShell
/**
 * Serialize data for embedding inside an inline <script> block.
 * Escapes characters that could close the script element or break JS parsing.
 */
function serializeForScript(data) {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// Express handler: server-rendered shell with the initial state inlined.
function renderAppShell(req, res) {
  const state = {
    user: req.user ? { id: req.user.id, name: req.user.name } : null,
    query: req.query.q || '',
    locale: req.acceptsLanguages('en', 'de', 'fr') || 'en',
  };
  res.type('html').send(`<!doctype html>
<html><head><meta charset="utf-8"><title>App</title></head>
<body><div id="root"></div>
<script>window.__INITIAL_STATE__ = ${serializeForScript(state)};</script>
<script src="/static/app.js"></script></body></html>`);
}

module.exports = { renderAppShell };
