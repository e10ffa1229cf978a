'use strict';
const crypto = require('crypto');
const fs = require('fs/promises');
const path = require('path');

function detect(data) {
  if (!Buffer.isBuffer(data)) return null;
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return '.png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return '.jpg';
  const head = data.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return '.gif';
  return null;
}

async function saveAvatar(uploadDir, file) {
  // The browser's name and Content-Type are attacker-controlled: the bytes decide the type.
  const ext = detect(file && file.data);
  if (!ext) throw Object.assign(new Error('only PNG, JPEG and GIF images are accepted'), { code: 'UNSUPPORTED_TYPE' });
  const name = crypto.randomUUID() + ext;
  await fs.writeFile(path.join(uploadDir, name), file.data, { flag: 'wx' });
  return name;
}

module.exports = { saveAvatar };
