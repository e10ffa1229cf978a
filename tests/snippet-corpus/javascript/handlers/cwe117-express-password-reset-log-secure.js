// corpus: label=secure cwe=CWE-117 function=app.post('/api/password-reset')
const express = require('express');

const app = express();
app.use(express.json());

const oneLine = (s) => String(s).replace(/[\r\n\u2028\u2029]/g, (c) => encodeURIComponent(c));

app.post('/api/password-reset', (req, res) => {
  const { email } = req.body;
  if (!email) return res.status(400).json({ error: 'email is required' });
  console.warn(`password reset requested for ${oneLine(email)}`);
  // The mail is queued elsewhere; always answer the same way so accounts cannot be enumerated.
  res.json({ ok: true });
});

module.exports = app;
