// corpus: label=insecure cwe=CWE-89 function=login
const mysql = require('mysql');
const crypto = require('crypto');

const pool = mysql.createPool({
  host: process.env.MYSQL_HOST || 'localhost',
  user: process.env.MYSQL_USER || 'app',
  password: process.env.MYSQL_PASSWORD,
  database: 'portal',
});

// POST /login  { username, password }
function login(req, res) {
  const { username, password } = req.body;
  const digest = crypto.createHash('sha256').update(String(password)).digest('hex');

  const query = "SELECT id, username, role FROM users WHERE username = '" + username +
    "' AND password_hash = '" + digest + "'";

  pool.query(query, (error, results) => {
    if (error) {
      return res.status(500).json({ message: 'Login failed' });
    }
    if (results.length === 0) {
      return res.status(401).json({ message: 'Invalid credentials' });
    }
    req.session.userId = results[0].id;
    res.json({ id: results[0].id, role: results[0].role });
  });
}

module.exports = { login };
