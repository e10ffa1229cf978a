'use strict';

const COLUMNS = { name: 'name', price: 'price', created: 'created' };
const DIRECTIONS = { asc: 'ASC', desc: 'DESC' };

function listProducts(db, category, sortBy = 'name', direction = 'asc') {
  const column = Object.prototype.hasOwnProperty.call(COLUMNS, sortBy) ? COLUMNS[sortBy] : null;
  const dirKey = String(direction).toLowerCase();
  const dir = Object.prototype.hasOwnProperty.call(DIRECTIONS, dirKey) ? DIRECTIONS[dirKey] : null;
  if (!column) return Promise.reject(new Error(`cannot sort by ${sortBy}`));
  if (!dir) return Promise.reject(new Error(`unknown sort direction ${direction}`));
  const sql = `SELECT id, name, price FROM products WHERE category = ? ORDER BY ${column} ${dir}, id ASC`;
  return new Promise((resolve, reject) => {
    db.all(sql, [category], (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { listProducts };
