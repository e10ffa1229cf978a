// corpus: label=secure cwe=CWE-78 function=app.get('/tools/ping')
const express = require('express');
const net = require('net');
const { execFile } = require('child_process');

const app = express();
const HOSTNAME_RE = /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// Network diagnostics page: ping a host from the server.
app.get('/tools/ping', (req, res) => {
  const host = String(req.query.host || '');
  if (!net.isIP(host) && !HOSTNAME_RE.test(host)) {
    return res.status(400).json({ error: 'invalid host' });
  }

  execFile('ping', ['-c', '3', host], { timeout: 10000 }, (error, stdout, stderr) => {
    if (error) {
      return res.status(502).json({ error: 'ping failed', details: stderr });
    }
    res.json({ host, output: stdout });
  });
});

if (require.main === module) {
  app.listen(3000, () => console.log('diagnostics listening on 3000'));
}

module.exports = app;
