'use strict';
const fs = require('fs/promises');
const path = require('path');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'application/javascript', '.png': 'image/png' };

function send(res, status, body, type = 'text/plain') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function serveStatic(rootDir, req, res) {
  if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed');
  let pathname = String(req.url).split('?')[0].split('#')[0];
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad Request');
  }
  if (pathname.includes('\0')) return send(res, 400, 'Bad Request');
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = await fs.realpath(rootDir);
  // Resolve relative to the root, never as an absolute path, then require the result inside it.
  const target = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return send(res, 403, 'Forbidden');
  let real;
  try {
    real = await fs.realpath(target);
  } catch {
    return send(res, 404, 'Not Found');
  }
  const realRel = path.relative(root, real);
  if (realRel.startsWith('..') || path.isAbsolute(realRel)) return send(res, 403, 'Forbidden');
  const stat = await fs.stat(real);
  if (!stat.isFile()) return send(res, 404, 'Not Found');
  const body = await fs.readFile(real);
  send(res, 200, body, TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream');
}

module.exports = { serveStatic };
