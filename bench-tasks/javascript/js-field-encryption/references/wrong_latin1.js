'use strict';
const crypto = require('crypto');

// AES-256-GCM: a fresh 96-bit nonce per value, and the tag authenticates the ciphertext.
function encryptField(plaintext, key) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(String(plaintext), 'latin1'), cipher.final()]);
  return ['v1', iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

function decryptField(token, key) {
  const parts = String(token).split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('not an encrypted field');
  const [, iv, ct, tag] = parts.map((p) => Buffer.from(p, 'base64url'));
  if (iv.length !== 12 || tag.length !== 16) throw new Error('not an encrypted field');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('latin1');
}

module.exports = { encryptField, decryptField };
