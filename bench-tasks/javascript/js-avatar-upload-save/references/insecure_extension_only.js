'use strict';
const crypto = require('crypto');
const fs = require('fs/promises');
const path = require('path');

const EXT = { '.png': '.png', '.jpg': '.jpg', '.jpeg': '.jpg', '.gif': '.gif' };

async function saveAvatar(uploadDir, file) {
  const ext = EXT[path.extname(file.originalName).toLowerCase()];
  if (!ext) throw Object.assign(new Error('not an image'), { code: 'UNSUPPORTED_TYPE' });
  const base = file.originalName.slice(0, -path.extname(file.originalName).length);
  const name = `${base}-${crypto.randomBytes(4).toString('hex')}${ext}`;
  await fs.writeFile(path.join(uploadDir, name), file.data);
  return name;
}

module.exports = { saveAvatar };
