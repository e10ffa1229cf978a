'use strict';
const crypto = require('crypto');
const fs = require('fs/promises');
const path = require('path');

const EXT = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif' };

async function saveAvatar(uploadDir, file) {
  if (!EXT[file.mimeType]) throw Object.assign(new Error('not an image'), { code: 'UNSUPPORTED_TYPE' });
  let ext = path.extname(file.originalName).toLowerCase();
  if (ext === '.jpeg' || !ext) ext = EXT[file.mimeType];
  const name = crypto.randomBytes(12).toString('hex') + ext;
  await fs.writeFile(path.join(uploadDir, name), file.data);
  return name;
}

module.exports = { saveAvatar };
