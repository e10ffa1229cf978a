'use strict';
const fs = require('fs/promises');
const path = require('path');

async function readUpload(uploadDir, fileName) {
  // Drop any folder part so nothing can climb out of the uploads folder.
  return fs.readFile(path.join(uploadDir, path.basename(fileName)));
}

module.exports = { readUpload };
