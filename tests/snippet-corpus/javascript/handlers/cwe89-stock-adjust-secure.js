// corpus: label=secure cwe=CWE-89 function=app.post('/inventory/:sku/adjust')
const express = require('express');
const sqlite3 = require('sqlite3');

const app = express();
app.use(express.json());
const db = new sqlite3.Database('inventory.db');

app.post('/inventory/:sku/adjust', (req, res) => {
  const delta = Number(req.body.delta);
  if (!Number.isInteger(delta)) {
    return res.status(400).json({ error: 'delta must be an integer' });
  }

  db.run(
    'UPDATE stock SET quantity = quantity + ?, updated_at = CURRENT_TIMESTAMP WHERE sku = ?',
    [delta, req.params.sku],
    function (err) {
      if (err) return res.status(500).json({ error: 'update failed' });
      if (this.changes === 0) return res.status(404).json({ error: 'unknown sku' });
      res.json({ sku: req.params.sku, adjustedBy: delta });
    }
  );
});

module.exports = app;
