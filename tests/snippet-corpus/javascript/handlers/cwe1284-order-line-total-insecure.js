// corpus: label=insecure cwe=CWE-1284 function=quoteOrderLine
const express = require('express');

const app = express();
app.use(express.json());

const CATALOG = { 'mug-classic': 12.5, 'tee-logo': 22.0, 'cap-black': 15.0 };

// POST /api/quote  { "sku": "mug-classic", "quantity": 3 }
function quoteOrderLine(req, res) {
  const { sku, quantity } = req.body;
  const unitPrice = CATALOG[sku] ?? 10;
  const qty = Number(quantity);
  if (Number.isNaN(qty)) {
    return res.status(400).json({ error: 'quantity must be a number' });
  }
  const subtotal = unitPrice * qty;
  const shipping = subtotal >= 50 ? 0 : 4.95;
  res.json({ sku, quantity: qty, subtotal, shipping, total: +(subtotal + shipping).toFixed(2) });
}

app.post('/api/quote', quoteOrderLine);

module.exports = { app, quoteOrderLine };
