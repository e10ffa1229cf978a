'use strict';

let counter = 0;

function createResetToken(userId, now = Date.now()) {
  let token = Date.now().toString(36) + (counter++ % 1296).toString(36).padStart(2, '0');
  while (token.length < 40) token += Math.random().toString(36).slice(2);
  return { token: token.slice(0, 40), expiresAt: now + 30 * 60 * 1000 };
}

module.exports = { createResetToken };
