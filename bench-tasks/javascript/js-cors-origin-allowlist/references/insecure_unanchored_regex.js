'use strict';

// Exactly https, our apex or a subdomain label chain, default port: nothing before or after.
const OURS = /^https?:\/\/([a-z0-9-]+\.)*example\.com/;

function applyCors(req, res) {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers && req.headers.origin;
  if (typeof origin !== 'string' || !OURS.test(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-CSRF-Token');
  }
  return true;
}

module.exports = { applyCors };
