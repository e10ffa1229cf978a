'use strict';
const fs = require('fs');
const path = require('path');

const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'application/javascript', '.png': 'image/png' };

function serveStatic(rootDir, req, res) {
  return new Promise((resolve) => {
    if (req.method !== 'GET') { res.writeHead(405); res.end(); return resolve(); }
    let p;
    try { p = decodeURIComponent(req.url.split('?')[0]); } catch { res.writeHead(400); res.end(); return resolve(); }
    if (p === '/') p = '/index.html';
    const file = path.join(rootDir, p);
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('Not Found'); return resolve(); }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
      resolve();
    });
  });
}

module.exports = { serveStatic };
