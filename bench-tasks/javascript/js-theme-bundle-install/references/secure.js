'use strict';
const fs = require('fs/promises');
const path = require('path');

async function installTheme(themesDir, bundle) {
  const name = bundle && bundle.name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(name)) throw new Error(`invalid theme name ${JSON.stringify(name)}`);
  const themeDir = path.resolve(themesDir, name);
  // Check every entry before writing anything, so a bad bundle leaves no trace.
  const plan = (bundle.files || []).map((f) => {
    const rel = String(f.path);
    const target = path.resolve(themeDir, rel);
    const inside = path.relative(themeDir, target);
    if (rel.includes('\0') || path.isAbsolute(rel) || inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new Error(`bundle entry ${JSON.stringify(rel)} is outside the theme folder`);
    }
    return { target, shown: inside.split(path.sep).join('/'), data: Buffer.from(String(f.content), 'base64') };
  });
  const written = [];
  for (const { target, shown, data } of plan) {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, data);
    written.push(shown);
  }
  return written;
}

module.exports = { installTheme };
