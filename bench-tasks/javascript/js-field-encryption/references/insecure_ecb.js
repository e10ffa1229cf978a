'use strict';
const crypto = require('crypto');

function encryptField(plaintext, key) {
  const c = crypto.createCipheriv('aes-256-ecb', key, null);
  return Buffer.concat([c.update(plaintext, 'utf8'), c.final()]).toString('hex');
}

function decryptField(token, key) {
  const d = crypto.createDecipheriv('aes-256-ecb', key, null);
  return Buffer.concat([d.update(Buffer.from(token, 'hex')), d.final()]).toString('utf8');
}

module.exports = { encryptField, decryptField };
