'use strict';
const crypto = require('crypto');

const APP_SALT = 'shop-app-2024';

async function hashPassword(password) {
  return 'pbkdf2$' + crypto.pbkdf2Sync(password.normalize('NFC'), APP_SALT, 210000, 32, 'sha256').toString('hex');
}

async function verifyPassword(password, stored) {
  if (!/^pbkdf2\$[0-9a-f]{64}$/.test(String(stored))) return false;
  return (await hashPassword(password)) === stored;
}

module.exports = { hashPassword, verifyPassword };
