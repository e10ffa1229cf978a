// corpus: label=insecure cwe=CWE-329 function=encryptSession
const crypto = require('crypto');

const IV = Buffer.alloc(16, 0);

/** Encrypt the serialized session before it is written to the cookie store. */
function encryptSession(data, secretKey) {
  const key = crypto.createHash('sha256').update(secretKey).digest();
  const cipher = crypto.createCipheriv('aes-256-cbc', key, IV);
  let out = cipher.update(data, 'utf8', 'hex');
  out += cipher.final('hex');
  return out;
}

module.exports = { encryptSession };
