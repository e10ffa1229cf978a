// corpus: label=insecure cwe=CWE-601 function=app.get('/switch-language')
const express = require('express');

const app = express();
const SUPPORTED = ['en', 'de', 'fr', 'es'];

// GET /switch-language?lang=de&back=/products/42
app.get('/switch-language', (req, res) => {
  const lang = SUPPORTED.includes(req.query.lang) ? req.query.lang : 'en';
  res.cookie('lang', lang, { maxAge: 365 * 24 * 3600 * 1000, httpOnly: true });

  let back = req.query.back || '/';
  // Only allow local paths, never absolute URLs.
  if (!back.startsWith('/')) {
    back = '/';
  }
  res.redirect(back);
});

module.exports = app;
