'use strict';
const fs = require('fs/promises');
const path = require('path');

async function readUpload(uploadDir, fileName) {
  return fs.readFile(path.join(uploadDir, fileName));
}

module.exports = { readUpload };
