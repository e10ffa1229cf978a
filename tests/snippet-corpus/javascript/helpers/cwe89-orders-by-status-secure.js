// corpus: label=secure cwe=CWE-89 function=listOrders
'use strict';

const MAX_LIMIT = 100;

/**
 * List orders for the admin dashboard.
 * @param {import('sqlite3').Database} db
 * @param {{ status?: string, customer?: string, limit?: number }} options
 * @returns {Promise<object[]>}
 */
function listOrders(db, { status = 'pending', customer, limit = 25 } = {}) {
  const conditions = ['status = ?'];
  const params = [String(status)];
  if (customer) {
    conditions.push('customer_email = ?');
    params.push(String(customer));
  }

  let safeLimit = Number.parseInt(limit, 10);
  if (!Number.isFinite(safeLimit) || safeLimit < 1) safeLimit = 25;
  params.push(Math.min(safeLimit, MAX_LIMIT));

  const sql = `
    SELECT id, customer_email, total_cents, status, placed_at
    FROM orders
    WHERE ${conditions.join(' AND ')}
    ORDER BY placed_at DESC
    LIMIT ?`;

  return new Promise((resolve, reject) => {
    db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { listOrders };
