'use strict';

function listProducts(db, category, sortBy = 'name', direction = 'asc') {
  if (!['name', 'price', 'created'].includes(sortBy)) return Promise.reject(new Error(`cannot sort by ${sortBy}`));
  if (!direction.toLowerCase().startsWith('asc') && !direction.toLowerCase().startsWith('desc')) {
    return Promise.reject(new Error('bad direction'));
  }
  const sql = `SELECT id, name, price FROM products WHERE category = ? ORDER BY ${sortBy} ${direction}, id`;
  return new Promise((resolve, reject) => {
    db.all(sql, [category], (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { listProducts };
