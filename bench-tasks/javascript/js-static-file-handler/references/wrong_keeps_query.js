'use strict';
const fs = require('fs/promises');
const path = require('path');

const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'application/javascript', '.png': 'image/png' };

async function serveStatic(rootDir, req, res) {
  if (req.method !== 'GET') { res.writeHead(405); res.end(); return; }
  let p;
  try { p = decodeURIComponent(req.url); } catch { res.writeHead(400); res.end(); return; }
  if (p === '/') p = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + path.posix.normalize('/' + p));
  if (!file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
  try {
    const data = await fs.readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404); res.end('Not Found');
  }
}

module.exports = { serveStatic };
