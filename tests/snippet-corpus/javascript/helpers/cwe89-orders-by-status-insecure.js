// corpus: label=insecure cwe=CWE-89 function=listOrders
'use strict';

/**
 * List orders for the admin dashboard.
 * @param {import('sqlite3').Database} db
 * @param {{ status?: string, customer?: string, limit?: number }} options
 * @returns {Promise<object[]>}
 */
function listOrders(db, { status = 'pending', customer, limit = 25 } = {}) {
  const conditions = [`status = '${status}'`];
  if (customer) {
    conditions.push(`customer_email = '${customer}'`);
  }

  const sql = `
    SELECT id, customer_email, total_cents, status, placed_at
    FROM orders
    WHERE ${conditions.join(' AND ')}
    ORDER BY placed_at DESC
    LIMIT ${limit}`;

  return new Promise((resolve, reject) => {
    db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { listOrders };
