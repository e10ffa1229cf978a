'use strict';
const crypto = require('crypto');

// The Subresource Integrity algorithms, weakest first. MD5 and SHA-1 are not among them: entries
// using them cannot vouch for anything.
const RANK = { sha256: 1, sha384: 2, sha512: 3 };
const SIZE = { sha256: 32, sha384: 48, sha512: 64 };

function verifyIntegrity(data, integrity) {
  if (!Buffer.isBuffer(data) || typeof integrity !== 'string') return false;
  const entries = [];
  for (const item of integrity.trim().split(/\s+/)) {
    const m = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(item);
    if (!m) continue;
    const digest = Buffer.from(m[2], 'base64');
    if (digest.length !== SIZE[m[1]]) continue;
    entries.push({ alg: m[1], digest });
  }
  if (!entries.length) return false;
  const best = Math.max(...entries.map((e) => RANK[e.alg]));
  const strongest = entries.filter((e) => RANK[e.alg] === best);
  const actual = crypto.createHash(strongest[0].alg).update(data).digest();
  return strongest.some((e) => crypto.timingSafeEqual(e.digest, actual));
}

module.exports = { verifyIntegrity };
