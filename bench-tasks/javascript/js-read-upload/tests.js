'use strict';
const fs = require('fs');
const path = require('path');

// A private copy of the uploads per test, with a secret beside it and a sibling folder.
function makeUploads(ctx) {
  const uploads = path.join(ctx.workdir, 'uploads');
  fs.cpSync(path.join(ctx.fixtures, 'uploads'), uploads, { recursive: true });
  fs.copyFileSync(path.join(ctx.fixtures, 'secret.env'), path.join(ctx.workdir, 'secret.env'));
  fs.mkdirSync(path.join(ctx.workdir, 'uploads-old'));
  fs.copyFileSync(path.join(ctx.fixtures, 'secret.env'), path.join(ctx.workdir, 'uploads-old', 'secret.env'));
  return uploads;
}

function refused(ctx, result) {
  ctx.assert.ok(result.error, `the request was served: ${result.value}`);
  ctx.assert.equal(result.error.code, 'EACCES', `expected code EACCES, got ${result.error.code}: ${result.error.message}`);
}

module.exports = {
  reads_uploaded_file: async (ctx) => {
    const data = await ctx.call(makeUploads(ctx), 'report.txt');
    ctx.assert.equal(Buffer.from(data).toString(), 'quarterly numbers\n');
  },
  reads_file_in_subfolder: async (ctx) => {
    const data = await ctx.call(makeUploads(ctx), 'avatars/u1.png');
    ctx.assert.equal(Buffer.from(data).toString(), 'PNG-BYTES-u1\n');
  },
  missing_file_rejects_enoent: async (ctx) => {
    const r = await ctx.attempt(makeUploads(ctx), 'nope.txt');
    ctx.assert.ok(r.error, 'expected a rejection');
    ctx.assert.equal(r.error.code, 'ENOENT');
  },
  dotdot_escape: async (ctx) => {
    refused(ctx, await ctx.attempt(makeUploads(ctx), '../secret.env'));
  },
  absolute_path: async (ctx) => {
    refused(ctx, await ctx.attempt(makeUploads(ctx), '/etc/passwd'));
  },
  sibling_folder_prefix: async (ctx) => {
    refused(ctx, await ctx.attempt(makeUploads(ctx), '../uploads-old/secret.env'));
  },
};
