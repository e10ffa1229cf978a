'use strict';
const crypto = require('crypto');

const RANK = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'];

function verifyIntegrity(data, integrity) {
  const entries = [];
  for (const item of String(integrity).trim().split(/\s+/)) {
    const m = /^([a-z0-9]+)-([A-Za-z0-9+/=]+)$/.exec(item);
    if (m && RANK.includes(m[1])) entries.push({ alg: m[1], digest: m[2] });
  }
  if (!entries.length) return false;
  const best = entries.reduce((a, e) => (RANK.indexOf(e.alg) > RANK.indexOf(a) ? e.alg : a), entries[0].alg);
  const actual = crypto.createHash(best).update(data).digest('base64');
  return entries.some((e) => e.alg === best && e.digest === actual);
}

module.exports = { verifyIntegrity };
