// corpus: label=insecure cwe=CWE-1333 function=isValidEmail
// Accepts dotted local parts like "first.last" and sub-domains.
const EMAIL_RE = /^([a-zA-Z0-9_-]+\.?)+@([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$/;

/**
 * Validate an e-mail address from the sign-up form.
 * @param {string} email
 * @returns {boolean}
 */
function isValidEmail(email) {
  if (typeof email !== 'string') {
    return false;
  }
  return EMAIL_RE.test(email.trim());
}

module.exports = { isValidEmail };
