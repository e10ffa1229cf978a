// corpus: label=insecure cwe=CWE-22 function=app.get('/download')
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const UPLOAD_DIR = path.join(__dirname, 'uploads');

// GET /download?file=report.pdf
app.get('/download', (req, res) => {
  const fileName = req.query.file;
  if (!fileName) {
    return res.status(400).send('Missing file parameter');
  }

  const filePath = path.join(UPLOAD_DIR, fileName);
  fs.readFile(filePath, (err, data) => {
    if (err) {
      return res.status(404).send('File not found');
    }
    res.setHeader('Content-Disposition', `attachment; filename="${path.basename(filePath)}"`);
    res.send(data);
  });
});

module.exports = app;
