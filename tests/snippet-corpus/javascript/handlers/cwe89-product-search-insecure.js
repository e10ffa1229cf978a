// corpus: label=insecure cwe=CWE-89 function=searchProducts
const sqlite3 = require('sqlite3');
const { promisify } = require('util');

const db = new sqlite3.Database('./catalog.db');
const allAsync = promisify(db.all.bind(db));

/**
 * GET /products/search?q=lamp&category=home
 * Full-text-ish search over product names.
 */
async function searchProducts(req, res) {
  const { q = '', category } = req.query;

  let sql = `SELECT id, name, price FROM products WHERE name LIKE '%${q}%'`;
  if (category) {
    sql += ` AND category = '${category}'`;
  }
  sql += ' ORDER BY name LIMIT 50';

  try {
    const rows = await allAsync(sql);
    res.json({ count: rows.length, results: rows });
  } catch (err) {
    res.status(500).json({ error: 'Search failed' });
  }
}

module.exports = { searchProducts };
