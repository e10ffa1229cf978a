'use strict';
const fs = require('fs/promises');
const path = require('path');

async function installTheme(themesDir, bundle) {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(bundle.name)) throw new Error('invalid theme name');
  const written = [];
  for (const f of bundle.files) {
    const target = path.join(themesDir, bundle.name, f.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(f.content, 'base64'));
    written.push(f.path);
  }
  return written;
}

module.exports = { installTheme };
