'use strict';

function findOrders(db, email, status) {
  return new Promise((resolve, reject) => {
    db.all('SELECT id, email, status, total FROM orders WHERE email = ? ORDER BY id', [email],
      (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { findOrders };
