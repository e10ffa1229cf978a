'use strict';
const crypto = require('crypto');

function createResetToken(userId, now = Date.now()) {
  return { token: crypto.randomBytes(32).toString('base64url'), expiresAt: now + 30 * 60 * 1000 };
}

module.exports = { createResetToken };
