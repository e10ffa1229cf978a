// corpus: label=secure cwe=CWE-329 function=encryptSession
const crypto = require('crypto');

/** Encrypt the serialized session before it is written to the cookie store (iv:ciphertext, hex). */
function encryptSession(data, secretKey) {
  const key = crypto.createHash('sha256').update(secretKey).digest();
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  let out = cipher.update(data, 'utf8', 'hex');
  out += cipher.final('hex');
  return `${iv.toString('hex')}:${out}`;
}

module.exports = { encryptSession };
