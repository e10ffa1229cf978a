'use strict';
const sqlite3 = require('sqlite3');

function findOrders(db, email, status) {
  let sql = `SELECT id, email, status, total FROM orders WHERE email = '${email.replace("'", "''")}'`;
  if (status) sql += ` AND status = '${status}'`;
  sql += ' ORDER BY id';
  return new Promise((resolve, reject) => {
    const stmt = new sqlite3.Statement(db, sql, (err) => {
      if (err) { reject(err); return; }
      stmt.all((e, rows) => {
        stmt.finalize();
        if (e) reject(e);
        else resolve(rows.filter((r) => r.email === email && (!status || r.status === status)));
      });
    });
  });
}

module.exports = { findOrders };
