// corpus: label=insecure cwe=CWE-327 function=encryptColumn
const crypto = require('crypto');

/** Encrypt a customer field (card last digits, phone) before it goes into the analytics store. */
function encryptColumn(plaintext, key) {
  const cipher = crypto.createCipheriv('aes-256-ecb', key, null);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

module.exports = { encryptColumn };
