// corpus: label=insecure cwe=CWE-89 function=findByEmail class=UserRepository
const sqlite3 = require('sqlite3');

class UserRepository {
  constructor(filename = ':memory:') {
    this.db = new sqlite3.Database(filename);
  }

  /**
   * Look up an account by e-mail address (case-insensitive).
   * @param {string} email
   * @returns {Promise<object|undefined>}
   */
  findByEmail(email) {
    const normalized = email.trim().toLowerCase();
    return new Promise((resolve, reject) => {
      this.db.get(
        "SELECT id, email, display_name, role FROM accounts WHERE lower(email) = '" + normalized + "'",
        (err, row) => (err ? reject(err) : resolve(row))
      );
    });
  }

  close() {
    return new Promise((resolve) => this.db.close(() => resolve()));
  }
}

module.exports = UserRepository;
