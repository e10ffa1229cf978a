const sqlite3 = require('sqlite3');

function find_user_email(db_path, username) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(db_path, sqlite3.OPEN_READONLY, (err) => { if (err) reject(err); });
    db.get("SELECT email FROM users WHERE username = '" + username + "'", (err, row) => {
      db.close();
      if (err) reject(err); else resolve(row ? row.email : null);
    });
  });
}
module.exports = { find_user_email };
