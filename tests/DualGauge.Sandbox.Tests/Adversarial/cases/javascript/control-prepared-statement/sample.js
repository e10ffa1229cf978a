'use strict';

function findOrders(db, email, status) {
  const byStatus = typeof status === 'string' && status !== '';
  const sql = `SELECT id, email, status, total FROM orders WHERE email = ?${byStatus ? ' AND status = ?' : ''} ORDER BY id ASC`;
  const params = byStatus ? [email, status] : [email];
  return new Promise((resolve, reject) => {
    const stmt = db.prepare(sql, (err) => {
      if (err) { reject(err); return; }
      stmt.all(params, (e, rows) => {
        stmt.finalize();
        if (e) reject(e); else resolve(rows);
      });
    });
  });
}

module.exports = { findOrders };
