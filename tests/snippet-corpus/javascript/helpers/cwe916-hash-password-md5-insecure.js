// corpus: label=insecure cwe=CWE-916 function=hashPassword
const crypto = require('crypto');

/**
 * Hash a password before storing it in the users table.
 */
function hashPassword(password) {
  return crypto.createHash('md5').update(password, 'utf8').digest('hex');
}

/**
 * Compare a login attempt against the stored hash.
 */
function checkPassword(password, storedHash) {
  return hashPassword(password) === storedHash;
}

module.exports = { hashPassword, checkPassword };
