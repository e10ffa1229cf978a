'use strict';
const fs = require('fs/promises');
const path = require('path');

async function installTheme(themesDir, bundle) {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(bundle.name)) throw new Error('invalid theme name');
  const themeDir = path.join(themesDir, bundle.name);
  await fs.mkdir(themeDir, { recursive: true });
  const written = [];
  for (const f of bundle.files) {
    const base = path.basename(f.path);
    await fs.writeFile(path.join(themeDir, base), Buffer.from(f.content, 'base64'));
    written.push(base);
  }
  return written;
}

module.exports = { installTheme };
