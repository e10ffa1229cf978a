'use strict';
const crypto = require('crypto');

function encryptField(plaintext, key) {
  const iv = crypto.randomBytes(16);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + ':' + Buffer.concat([c.update(plaintext, 'utf8'), c.final()]).toString('hex');
}

function decryptField(token, key) {
  const [iv, ct] = token.split(':');
  const d = crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(iv, 'hex'));
  const out = Buffer.concat([d.update(Buffer.from(ct, 'hex')), d.final()]).toString('utf8');
  return out;
}

module.exports = { encryptField, decryptField };
