'use strict';
const crypto = require('crypto');

async function hashPassword(password) {
  const salt = crypto.randomBytes(16).toString('hex');
  return `sha256$${salt}$${crypto.createHash('sha256').update(salt + password.normalize('NFC')).digest('hex')}`;
}

async function verifyPassword(password, stored) {
  const [alg, salt, digest] = String(stored).split('$');
  if (alg !== 'sha256' || !salt || !digest) return false;
  return crypto.createHash('sha256').update(salt + password.normalize('NFC')).digest('hex') === digest;
}

module.exports = { hashPassword, verifyPassword };
