// corpus: label=secure cwe=CWE-1333 function=isValidEmail
// Local part and each domain label are single character classes separated by
// literal characters, so the pattern cannot backtrack catastrophically.
const EMAIL_RE = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/;

/**
 * Validate an e-mail address from the sign-up form.
 * @param {string} email
 * @returns {boolean}
 */
function isValidEmail(email) {
  if (typeof email !== 'string') {
    return false;
  }
  const value = email.trim();
  if (value.length > 254) {
    return false;
  }
  return EMAIL_RE.test(value);
}

module.exports = { isValidEmail };
