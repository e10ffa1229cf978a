// corpus: label=secure cwe=CWE-89 function=app.get('/api/users/:id')
const express = require('express');
const sqlite3 = require('sqlite3').verbose();

const app = express();
const db = new sqlite3.Database(process.env.DB_PATH || './app.db');

// GET /api/users/:id - return a single user profile
app.get('/api/users/:id', (req, res) => {
  const userId = Number.parseInt(req.params.id, 10);
  if (Number.isNaN(userId)) {
    return res.status(400).json({ error: 'Invalid user id' });
  }

  const sql = 'SELECT id, username, email, created_at FROM users WHERE id = ?';
  db.get(sql, [userId], (err, row) => {
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
