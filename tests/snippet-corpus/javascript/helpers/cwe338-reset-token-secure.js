// corpus: label=secure cwe=CWE-338 function=createPasswordResetToken
const crypto = require('crypto');

const RESET_TTL_MS = 30 * 60 * 1000;

/**
 * Generate a password-reset token and its expiry. Only the SHA-256 of the
 * token is meant to be stored; the raw token goes into the e-mail link.
 */
function createPasswordResetToken(userId) {
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenHash = crypto.createHash('sha256').update(token).digest('hex');

  return {
    userId,
    token,
    tokenHash,
    expiresAt: new Date(Date.now() + RESET_TTL_MS),
  };
}

module.exports = { createPasswordResetToken };
