// corpus: label=secure cwe=CWE-79 function=app.get('/welcome')
const express = require('express');

const app = express();

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);

app.get('/welcome', (req, res) => {
  const name = escapeHtml(req.query.name || 'guest');
  const plan = escapeHtml(req.query.plan || 'free');

  res.type('html').send(`<!doctype html>
<html>
  <head><title>Welcome</title></head>
  <body>
    <h1>Welcome aboard, ${name}!</h1>
    <p>You are on the <strong>${plan}</strong> plan.</p>
    <a href="/settings">Go to settings</a>
  </body>
</html>`);
});

module.exports = app;
