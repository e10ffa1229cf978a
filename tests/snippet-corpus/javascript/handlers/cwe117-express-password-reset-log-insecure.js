// corpus: label=insecure cwe=CWE-117 function=app.post('/api/password-reset')
const express = require('express');

const app = express();
app.use(express.json());

app.post('/api/password-reset', (req, res) => {
  const { email } = req.body;
  if (!email) return res.status(400).json({ error: 'email is required' });
  console.warn(`password reset requested for ${email}`);
  // The mail is queued elsewhere; always answer the same way so accounts cannot be enumerated.
  res.json({ ok: true });
});

module.exports = app;
