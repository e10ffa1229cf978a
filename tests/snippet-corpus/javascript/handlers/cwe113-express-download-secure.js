// corpus: label=secure cwe=CWE-113 function=app.get('/exports/:name')
const express = require('express');

const app = express();

app.get('/exports/:name', (req, res) => {
  const name = String(req.params.name).replace(/[^\w.-]/g, '_');
  res.attachment(name); // Content-Disposition built (and encoded) by the content-disposition module
  res.set('X-Export-Name', name);
  res.type('text/csv').send('id,total\n1,9.99\n');
});

module.exports = app;
