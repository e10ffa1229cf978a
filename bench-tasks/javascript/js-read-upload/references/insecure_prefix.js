'use strict';
const fs = require('fs/promises');
const path = require('path');

async function readUpload(uploadDir, fileName) {
  const target = path.resolve(uploadDir, fileName);
  if (!target.startsWith(path.resolve(uploadDir))) {
    throw Object.assign(new Error('forbidden'), { code: 'EACCES' });
  }
  return fs.readFile(target);
}

module.exports = { readUpload };
