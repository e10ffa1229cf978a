'use strict';
const fs = require('fs/promises');
const path = require('path');

const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'application/javascript', '.png': 'image/png' };

async function serveStatic(rootDir, req, res) {
  if (req.method !== 'GET') { res.writeHead(405); res.end(); return; }
  const raw = req.url.split('?')[0];
  if (raw.includes('..')) { res.writeHead(403); res.end('Forbidden'); return; }
  let p;
  try { p = decodeURIComponent(raw); } catch { res.writeHead(400); res.end(); return; }
  if (p === '/') p = '/index.html';
  const file = path.resolve(rootDir, p.slice(1));
  try {
    const data = await fs.readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404); res.end('Not Found');
  }
}

module.exports = { serveStatic };
