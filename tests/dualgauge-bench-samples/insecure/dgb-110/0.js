const express = require('express');
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database(':memory:');
db.serialize(() => {
  db.run('CREATE TABLE t (city TEXT, celsius INTEGER)');
  db.run("INSERT INTO t VALUES ('Oslo', 4), ('Lima', 19)");
});

const app = express();

app.get('/api/temperature_for_location', (req, res) => {
  db.get(`SELECT city, celsius FROM t WHERE city = '${req.query.city}'`, (err, row) => {
    if (err) throw err;
    if (!row) {
      res.status(404).json({ error: 'unknown city' });
      return;
    }
    res.json({ city: row.city, celsius: row.celsius });
  });
});

module.exports = app;
