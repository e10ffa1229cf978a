// corpus: label=insecure cwe=CWE-1333 function=app.get('/api/logs/search')
const express = require('express');
const { getRecentLogLines } = require('./log-buffer');

const app = express();

// Power users can search the in-memory log buffer with a regular expression.
app.get('/api/logs/search', (req, res) => {
  const { pattern = '', flags = 'i' } = req.query;

  let re;
  try {
    re = new RegExp(pattern, flags.replace(/[^gimsuy]/g, ''));
  } catch (e) {
    return res.status(400).json({ error: `invalid pattern: ${e.message}` });
  }

  const matches = getRecentLogLines().filter((line) => re.test(line));
  res.json({ pattern, count: matches.length, lines: matches.slice(0, 500) });
});

module.exports = app;
