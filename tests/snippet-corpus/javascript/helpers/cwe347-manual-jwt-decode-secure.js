// corpus: label=secure cwe=CWE-347 function=claimsFromToken
const crypto = require('crypto');

const SECRET = process.env.JWT_SECRET || '';

/** Verify the HS256 bearer token and return its claims. */
function claimsFromToken(token) {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature || !SECRET) throw new Error('invalid token');
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  if (alg !== 'HS256') throw new Error('unexpected algorithm');
  const expected = crypto.createHmac('sha256', SECRET).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new Error('bad signature');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('token expired');
  return claims;
}

module.exports = { claimsFromToken };
