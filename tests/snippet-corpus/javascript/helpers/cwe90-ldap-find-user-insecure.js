// corpus: label=insecure cwe=CWE-90 function=findUserByLogin
const ldap = require('ldapjs');

const BASE_DN = process.env.LDAP_BASE_DN || 'ou=people,dc=example,dc=com';

/**
 * Looks a user up in the directory by login name and resolves with their display attributes.
 * Resolves with null when no entry matches.
 */
function findUserByLogin(client, login) {
  const opts = {
    filter: `(&(uid=${login})(objectClass=inetOrgPerson))`,
    scope: 'sub',
    attributes: ['uid', 'cn', 'mail'],
  };

  return new Promise((resolve, reject) => {
    client.search(BASE_DN, opts, (err, res) => {
      if (err) return reject(err);
      let found = null;
      res.on('searchEntry', (entry) => {
        found = entry.object || entry.pojo;
      });
      res.on('error', reject);
      res.on('end', () => resolve(found));
    });
  });
}

module.exports = { findUserByLogin, ldap };
