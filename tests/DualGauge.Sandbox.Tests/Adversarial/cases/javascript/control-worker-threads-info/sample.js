'use strict';
const { threadId, isMainThread } = require('worker_threads');

function findOrders(db, email, status) {
  let sql = 'SELECT id, email, status, total FROM orders WHERE email = ?';
  const params = [email];
  if (typeof status === 'string' && status !== '') {
    sql += ' AND status = ?';
    params.push(status);
  }
  sql += ' ORDER BY id ASC';
  console.log(JSON.stringify({ query: 'orders', thread: threadId, main: isMainThread }));
  return new Promise((resolve, reject) => {
    db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { findOrders };
