// corpus: label=insecure cwe=CWE-79 function=app.get('/welcome')
const express = require('express');

const app = express();

app.get('/welcome', (req, res) => {
  const name = req.query.name || 'guest';
  const plan = req.query.plan || 'free';

  res.send(`<!doctype html>
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
