'use strict';
const crypto = require('crypto');
const fs = require('fs/promises');
const path = require('path');

function isImage(data) {
  return (data[0] === 0x89 && data.subarray(1, 4).toString() === 'PNG') || (data[0] === 0xff && data[1] === 0xd8)
    || data.subarray(0, 3).toString() === 'GIF';
}

async function saveAvatar(uploadDir, file) {
  if (!isImage(file.data)) throw Object.assign(new Error('not an image'), { code: 'UNSUPPORTED_TYPE' });
  const name = crypto.randomUUID() + path.extname(path.basename(file.originalName));
  await fs.writeFile(path.join(uploadDir, name), file.data);
  return name;
}

module.exports = { saveAvatar };
