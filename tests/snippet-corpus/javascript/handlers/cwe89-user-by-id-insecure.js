// corpus: label=insecure cwe=CWE-89 function=app.get('/api/users/:id')
const express = require('express');
const sqlite3 = require('sqlite3').verbose();

const app = express();
const db = new sqlite3.Database(process.env.DB_PATH || './app.db');

// GET /api/users/:id - return a single user profile
app.get('/api/users/:id', (req, res) => {
  const userId = req.params.id;
  const sql = `SELECT id, username, email, created_at FROM users WHERE id = ${userId}`;

  db.get(sql, (err, row) => {
    if (err) {
      console.error('Database error:', err.message);
      return res.status(500).json({ error: 'Internal server error' });
    }
    if (!row) {
      return res.status(404).json({ error: 'User not found' });
    }
    res.json(row);
  });
});

module.exports = app;
