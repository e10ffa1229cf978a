// corpus: label=insecure cwe=CWE-338 function=createPasswordResetToken
const RESET_TTL_MS = 30 * 60 * 1000;

/**
 * Generate a password-reset token and its expiry. The token is e-mailed
 * to the user and later compared against the stored value.
 */
function createPasswordResetToken(userId) {
  let token = '';
  while (token.length < 32) {
    token += Math.random().toString(36).slice(2);
  }
  token = token.slice(0, 32);

  return {
    userId,
    token,
    expiresAt: new Date(Date.now() + RESET_TTL_MS),
  };
}

module.exports = { createPasswordResetToken };
