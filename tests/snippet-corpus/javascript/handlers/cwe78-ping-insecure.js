// corpus: label=insecure cwe=CWE-78 function=app.get('/tools/ping')
const express = require('express');
const { exec } = require('child_process');

const app = express();

// Network diagnostics page: ping a host from the server.
app.get('/tools/ping', (req, res) => {
  const host = req.query.host;
  if (!host) {
    return res.status(400).json({ error: 'host is required' });
  }

  exec(`ping -c 3 ${host}`, { timeout: 10000 }, (error, stdout, stderr) => {
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
