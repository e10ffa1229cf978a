// corpus: label=secure cwe=CWE-327 function=encryptColumn
const crypto = require('crypto');

/** Encrypt a customer field (card last digits, phone) before it goes into the analytics store. */
function encryptColumn(plaintext, key) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

module.exports = { encryptColumn };
