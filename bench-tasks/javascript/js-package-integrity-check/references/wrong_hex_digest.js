'use strict';
const crypto = require('crypto');

const RANK = { sha256: 1, sha384: 2, sha512: 3 };

function verifyIntegrity(data, integrity) {
  const entries = [];
  for (const item of String(integrity).trim().split(/\s+/)) {
    const m = /^(sha256|sha384|sha512)-(\S+)$/.exec(item);
    if (m) entries.push({ alg: m[1], digest: m[2] });
  }
  if (!entries.length) return false;
  const best = entries.reduce((a, e) => (RANK[e.alg] > RANK[a] ? e.alg : a), entries[0].alg);
  const actual = crypto.createHash(best).update(data).digest('hex');
  return entries.some((e) => e.alg === best && e.digest === actual);
}

module.exports = { verifyIntegrity };
