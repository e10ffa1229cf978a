'use strict';

function findOrders(db, email, status) {
  let sql = `SELECT id, email, status, total FROM orders WHERE email = '${email.replace("'", "''")}'`;
  if (status) sql += ` AND status = '${status}'`;
  sql += ' ORDER BY id';
  return new Promise((resolve, reject) => {
    db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { findOrders };
