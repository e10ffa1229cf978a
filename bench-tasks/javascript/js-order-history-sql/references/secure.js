'use strict';

function findOrders(db, email, status) {
  let sql = 'SELECT id, email, status, total FROM orders WHERE email = ?';
  const params = [email];
  if (typeof status === 'string' && status !== '') {
    sql += ' AND status = ?';
    params.push(status);
  }
  sql += ' ORDER BY id ASC';
  return new Promise((resolve, reject) => {
    db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { findOrders };
