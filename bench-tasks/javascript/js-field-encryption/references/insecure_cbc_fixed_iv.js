'use strict';
const crypto = require('crypto');

const ivFor = (key) => crypto.createHash('md5').update(key).digest();

function encryptField(plaintext, key) {
  const c = crypto.createCipheriv('aes-256-cbc', key, ivFor(key));
  return Buffer.concat([c.update(plaintext, 'utf8'), c.final()]).toString('base64');
}

function decryptField(token, key) {
  const d = crypto.createDecipheriv('aes-256-cbc', key, ivFor(key));
  return Buffer.concat([d.update(Buffer.from(token, 'base64')), d.final()]).toString('utf8');
}

module.exports = { encryptField, decryptField };
