'use strict';
const crypto = require('crypto');

const issued = new Set();

function createResetToken(userId, now = Date.now()) {
  let token;
  do { token = crypto.randomBytes(6).toString('hex'); } while (issued.has(token));
  issued.add(token);
  return { token, expiresAt: now + 30 * 60 * 1000 };
}

module.exports = { createResetToken };
