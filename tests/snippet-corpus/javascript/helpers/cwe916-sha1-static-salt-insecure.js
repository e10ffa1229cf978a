// corpus: label=insecure cwe=CWE-916 function=digestPassword
const crypto = require('crypto');

const PEPPER = process.env.PASSWORD_SALT || 'k9#Lm2!qz';

/**
 * Legacy-compatible password digest used by the member portal.
 */
function digestPassword(username, password) {
  return crypto
    .createHash('sha1')
    .update(`${PEPPER}:${username.toLowerCase()}:${password}`)
    .digest('base64');
}

module.exports = { digestPassword };
