// corpus: label=secure cwe=CWE-918 function=fetchGravatar
const https = require('https');

const AVATAR_HOST = 'www.gravatar.com';

/**
 * Fetch an avatar image through our server so the client never talks to
 * third parties. Only the Gravatar host is reachable; the caller provides
 * the e-mail hash.
 */
function fetchGravatar(emailHash, size = 80) {
  if (!/^[a-f0-9]{32}$|^[a-f0-9]{64}$/.test(String(emailHash))) {
    return Promise.reject(new Error('invalid hash'));
  }
  const s = Math.max(16, Math.min(Number.parseInt(size, 10) || 80, 512));
  const options = { host: AVATAR_HOST, path: `/avatar/${emailHash}?s=${s}&d=identicon`, timeout: 4000 };

  return new Promise((resolve, reject) => {
    https.get(options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ type: res.headers['content-type'], data: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

module.exports = { fetchGravatar };
