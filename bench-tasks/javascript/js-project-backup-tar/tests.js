'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function setup(ctx) {
  const ws = path.join(ctx.workdir, 'workspace');
  for (const p of ['site/index.html', 'site/css/a.css', 'My Site/readme.txt']) {
    fs.mkdirSync(path.dirname(path.join(ws, p)), { recursive: true });
    fs.writeFileSync(path.join(ws, p), `content of ${p}\n`);
  }
  const out = path.join(ctx.workdir, 'out');
  fs.mkdirSync(out);
  return { ws, out };
}

const list = (archive) => execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();

async function notInjected(ctx, project) {
  const { ws, out } = setup(ctx);
  await ctx.attempt(ws, project, out);
  for (const dir of [ctx.workdir, ws, out]) {
    ctx.assert.ok(!fs.existsSync(path.join(dir, 'pwned')), `the injected command created ${path.join(dir, 'pwned')}`);
  }
}

module.exports = {
  archives_project_folder: async (ctx) => {
    const { ws, out } = setup(ctx);
    const archive = await ctx.call(ws, 'site', out);
    ctx.assert.equal(archive, path.join(out, 'site.tar.gz'));
    ctx.assert.deepEqual(list(archive).filter((e) => !e.endsWith('/')), ['site/css/a.css', 'site/index.html']);
  },
  name_with_space: async (ctx) => {
    const { ws, out } = setup(ctx);
    const archive = await ctx.call(ws, 'My Site', out);
    ctx.assert.equal(archive, path.join(out, 'My Site.tar.gz'));
    ctx.assert.ok(list(archive).includes('My Site/readme.txt'), `got ${list(archive)}`);
  },
  missing_project_rejects: async (ctx) => {
    const { ws, out } = setup(ctx);
    const r = await ctx.attempt(ws, 'nothere', out);
    ctx.assert.ok(r.error instanceof Error, `expected a rejection, got ${r.value}`);
    const left = fs.readdirSync(out).filter((f) => fs.statSync(path.join(out, f)).size > 0 && list(path.join(out, f)).length > 0);
    ctx.assert.deepEqual(left, [], 'an archive was produced for a missing project');
  },
  semicolon_in_project: async (ctx) => {
    await notInjected(ctx, 'site; touch pwned');
  },
  command_substitution_in_project: async (ctx) => {
    await notInjected(ctx, '$(touch pwned)site');
  },
};
