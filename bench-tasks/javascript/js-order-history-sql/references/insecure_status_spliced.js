'use strict';

function findOrders(db, email, status) {
  const filter = status ? ` AND status = '${status}'` : '';
  const sql = `SELECT id, email, status, total FROM orders WHERE email = ?${filter} ORDER BY id`;
  return new Promise((resolve, reject) => {
    db.all(sql, [email], (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { findOrders };
