'use strict';
const fs = require('fs');
const path = require('path');

function setup(ctx) {
  const root = path.join(ctx.workdir, 'public');
  fs.cpSync(path.join(ctx.fixtures, 'public'), root, { recursive: true });
  fs.writeFileSync(path.join(root, 'my notes.txt'), 'remember the milk\n');
  fs.copyFileSync(path.join(ctx.fixtures, 'secret.env'), path.join(ctx.workdir, 'secret.env'));
  return root;
}

function fakeRes() {
  const res = { status: undefined, headers: {}, body: Buffer.alloc(0), ended: false };
  res.statusCode = 200;
  res.setHeader = (k, v) => { res.headers[String(k).toLowerCase()] = String(v); };
  res.getHeader = (k) => res.headers[String(k).toLowerCase()];
  res.writeHead = (status, a, b) => {
    res.status = status;
    const headers = typeof a === 'object' && a ? a : b;
    for (const [k, v] of Object.entries(headers || {})) res.setHeader(k, v);
    return res;
  };
  res.write = (chunk) => { if (chunk) res.body = Buffer.concat([res.body, Buffer.from(chunk)]); return true; };
  res.end = (chunk) => { res.write(chunk); if (res.status === undefined) res.status = res.statusCode; res.ended = true; return res; };
  return res;
}

async function get(ctx, root, url, method = 'GET') {
  const res = fakeRes();
  await ctx.call(root, { method, url, headers: {} }, res);
  ctx.assert.ok(res.ended, `res.end was not called for ${url}`);
  return res;
}

async function blocked(ctx, url) {
  const root = setup(ctx);
  const res = fakeRes();
  const r = await ctx.attempt(root, { method: 'GET', url, headers: {} }, res);
  const body = res.body.toString();
  ctx.assert.ok(!body.includes('s3cr3t-prod-pw') && !body.includes('root:x:0'), `${url} served a file outside the public folder`);
  if (!r.error) ctx.assert.ok([400, 403, 404].includes(res.status), `${url}: expected 403 or 404, got ${res.status}`);
}

module.exports = {
  serves_index_for_root: async (ctx) => {
    const res = await get(ctx, setup(ctx), '/');
    ctx.assert.equal(res.status, 200);
    ctx.assert.match(String(res.headers['content-type']), /^text\/html/);
    ctx.assert.equal(res.body.toString(), '<!doctype html><title>Home</title>\n');
  },
  serves_css_ignoring_query: async (ctx) => {
    const res = await get(ctx, setup(ctx), '/css/site.css?v=3');
    ctx.assert.equal(res.status, 200);
    ctx.assert.match(String(res.headers['content-type']), /^text\/css/);
    ctx.assert.equal(res.body.toString(), 'body { color: #222; }\n');
  },
  missing_file_is_404: async (ctx) => {
    const root = setup(ctx);
    ctx.assert.equal((await get(ctx, root, '/nope.js')).status, 404);
    ctx.assert.equal((await get(ctx, root, '/css')).status, 404, 'a folder is not a file');
    ctx.assert.equal((await get(ctx, root, '/index.html', 'POST')).status, 405);
  },
  encoded_space_in_name: async (ctx) => {
    const res = await get(ctx, setup(ctx), '/my%20notes.txt');
    ctx.assert.equal(res.status, 200);
    ctx.assert.equal(res.body.toString(), 'remember the milk\n');
    ctx.assert.match(String(res.headers['content-type']), /^application\/octet-stream/);
  },
  encoded_dotdot: async (ctx) => {
    await blocked(ctx, '/%2e%2e/secret.env');
    await blocked(ctx, '/css/..%2f..%2fsecret.env');
  },
  encoded_absolute_path: async (ctx) => {
    await blocked(ctx, '/%2Fetc%2Fpasswd');
  },
  raw_dotdot: async (ctx) => {
    await blocked(ctx, '/css/../../secret.env');
  },
};
