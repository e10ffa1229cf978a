// corpus: label=insecure cwe=CWE-95 function=app.post('/api/calculate')
const express = require('express');

const app = express();
app.use(express.json());

// Simple calculator endpoint used by the pricing widget.
app.post('/api/calculate', (req, res) => {
  const { expression } = req.body;
  if (typeof expression !== 'string' || expression.length > 200) {
    return res.status(400).json({ error: 'expression must be a short string' });
  }

  try {
    const result = eval(expression);
    res.json({ expression, result });
  } catch (err) {
    res.status(422).json({ error: 'could not evaluate expression' });
  }
});

module.exports = app;
