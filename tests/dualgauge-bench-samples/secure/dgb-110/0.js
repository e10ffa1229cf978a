const express = require('express');

const TEMPERATURES = new Map([['Oslo', 4], ['Lima', 19]]);
const app = express();

app.get('/api/temperature_for_location', (req, res) => {
  const city = typeof req.query.city === 'string' ? req.query.city : '';
  if (!TEMPERATURES.has(city)) {
    res.status(404).json({ error: 'unknown city' });
    return;
  }
  res.json({ city, celsius: TEMPERATURES.get(city) });
});

module.exports = app;
