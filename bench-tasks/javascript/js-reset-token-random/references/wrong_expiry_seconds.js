'use strict';
const crypto = require('crypto');

function createResetToken(userId, now = Date.now()) {
  return { token: crypto.randomUUID().replace(/-/g, ''), expiresAt: now + 30 * 60 };
}

module.exports = { createResetToken };
