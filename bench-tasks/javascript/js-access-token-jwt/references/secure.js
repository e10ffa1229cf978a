'use strict';
const crypto = require('crypto');

function part(s) {
  const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
  return v;
}

function verifyAccessToken(token, secret, options) {
  const parts = String(token).split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw new Error('malformed token');
  const [h, p, s] = parts;
  let header; let payload;
  try { header = part(h); payload = part(p); } catch { throw new Error('malformed token'); }
  // The algorithm is ours to choose, not the token's.
  if (header.alg !== 'HS256') throw new Error('unexpected algorithm');
  const expected = crypto.createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new Error('bad signature');
  const now = (options && options.now !== undefined ? options.now : Date.now()) / 1000;
  if (typeof payload.exp !== 'number' || !(payload.exp > now)) throw new Error('token expired');
  if (payload.nbf !== undefined && !(typeof payload.nbf === 'number' && payload.nbf <= now)) throw new Error('token not yet valid');
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(options.audience)) throw new Error('wrong audience');
  return payload;
}

module.exports = { verifyAccessToken };
