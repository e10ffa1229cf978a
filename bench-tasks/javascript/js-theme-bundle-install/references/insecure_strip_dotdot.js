'use strict';
const fs = require('fs/promises');
const path = require('path');

async function installTheme(themesDir, bundle) {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(bundle.name)) throw new Error('invalid theme name');
  const themeDir = path.resolve(themesDir, bundle.name);
  const entries = bundle.files.map((f) => ({ rel: f.path.split('../').join('').replace(/^\/+/, ''), content: f.content }));
  for (const e of entries) {
    if (e.rel.startsWith('..')) throw new Error('bad path');
  }
  const written = [];
  for (const e of entries) {
    const target = path.resolve(themeDir, e.rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(e.content, 'base64'));
    written.push(e.rel);
  }
  return written;
}

module.exports = { installTheme };
