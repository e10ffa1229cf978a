// corpus: label=neutral cwe=- function=app.get('/healthz')
const express = require('express');
const os = require('os');

const app = express();
const startedAt = Date.now();

app.get('/healthz', (req, res) => {
  const mem = process.memoryUsage();
  res.set('Cache-Control', 'no-store');
  res.json({
    status: 'ok',
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    rssMb: Math.round(mem.rss / 1024 / 1024),
    load: os.loadavg()[0].toFixed(2),
    version: process.env.npm_package_version || 'dev',
  });
});

module.exports = app;
