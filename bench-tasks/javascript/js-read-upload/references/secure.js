'use strict';
const fs = require('fs/promises');
const path = require('path');

async function readUpload(uploadDir, fileName) {
  const root = await fs.realpath(uploadDir);
  const target = path.resolve(root, fileName);
  const relative = path.relative(root, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw Object.assign(new Error(`${fileName} is outside the uploads folder`), { code: 'EACCES' });
  }
  // Resolve links too: a link inside the folder must not lead outside it.
  let real;
  try {
    real = await fs.realpath(target);
  } catch (e) {
    throw Object.assign(new Error(`${fileName} not found`), { code: 'ENOENT' });
  }
  const realRelative = path.relative(root, real);
  if (realRelative.startsWith('..') || path.isAbsolute(realRelative)) {
    throw Object.assign(new Error(`${fileName} is outside the uploads folder`), { code: 'EACCES' });
  }
  return fs.readFile(real);
}

module.exports = { readUpload };
