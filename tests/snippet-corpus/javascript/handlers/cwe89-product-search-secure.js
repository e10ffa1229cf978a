// corpus: label=secure cwe=CWE-89 function=searchProducts
const sqlite3 = require('sqlite3');
const { promisify } = require('util');

const db = new sqlite3.Database('./catalog.db');
const allAsync = promisify(db.all.bind(db));

// Escape LIKE wildcards so a user searching for "50%" gets a literal match.
function escapeLike(value) {
  return String(value).replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * GET /products/search?q=lamp&category=home
 */
async function searchProducts(req, res) {
  const q = typeof req.query.q === 'string' ? req.query.q : '';
  const category = typeof req.query.category === 'string' ? req.query.category : null;

  let sql = "SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\'";
  const params = [`%${escapeLike(q)}%`];
  if (category) {
    sql += ' AND category = ?';
    params.push(category);
  }
  sql += ' ORDER BY name LIMIT 50';

  try {
    const rows = await allAsync(sql, params);
    res.json({ count: rows.length, results: rows });
  } catch (err) {
    res.status(500).json({ error: 'Search failed' });
  }
}

module.exports = { searchProducts };
