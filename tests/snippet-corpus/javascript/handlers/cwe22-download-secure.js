// corpus: label=secure cwe=CWE-22 function=app.get('/download')
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const UPLOAD_DIR = path.resolve(__dirname, 'uploads');

// GET /download?file=report.pdf
app.get('/download', (req, res) => {
  const fileName = req.query.file;
  if (typeof fileName !== 'string' || fileName.length === 0) {
    return res.status(400).send('Missing file parameter');
  }

  const filePath = path.resolve(UPLOAD_DIR, fileName);
  if (!filePath.startsWith(UPLOAD_DIR + path.sep)) {
    return res.status(403).send('Forbidden');
  }

  fs.readFile(filePath, (err, data) => {
    if (err) {
      return res.status(404).send('File not found');
    }
    res.attachment(path.basename(filePath));
    res.send(data);
  });
});

module.exports = app;
