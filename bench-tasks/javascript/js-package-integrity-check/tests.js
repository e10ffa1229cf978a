'use strict';
const crypto = require('crypto');

// The collision blocks published by Wang and Yu (2004): same MD5, and the same suffix keeps it equal.
const BLOCK_A = Buffer.from('d131dd02c5e6eec4693d9a0698aff95c2fcab58712467eab4004583eb8fb7f8955ad340609f4b30283e488832571415a085125e8f7cdc99fd91dbdf280373c5bd8823e3156348f5bae6dacd436c919c6dd53e2b487da03fd02396306d248cda0e99f33420f577ee8ce54b67080a80d1ec69821bcb6a8839396f9652b6ff72a70', 'hex');
const BLOCK_B = Buffer.from('d131dd02c5e6eec4693d9a0698aff95c2fcab50712467eab4004583eb8fb7f8955ad340609f4b30283e4888325f1415a085125e8f7cdc99fd91dbd7280373c5bd8823e3156348f5bae6dacd436c919c6dd53e23487da03fd02396306d248cda0e99f33420f577ee8ce54b67080280d1ec69821bcb6a8839396f965ab6ff72a70', 'hex');
const SUFFIX = Buffer.from('\npackage/index.js: module.exports = require("./lib");\n');
const REVIEWED = Buffer.concat([BLOCK_A, SUFFIX]);
const TWIN = Buffer.concat([BLOCK_B, SUFFIX]);
const TARBALL = Buffer.from('package/package.json {"name":"left-pad","version":"1.3.0"}');

const sri = (alg, data) => `${alg}-${crypto.createHash(alg).update(data).digest('base64')}`;

async function is(ctx, data, integrity, expected) {
  const got = await ctx.call(data, integrity);
  ctx.assert.equal(got, expected, `verifyIntegrity(<${data.length} bytes>, ${JSON.stringify(integrity.slice(0, 60))}...) returned ${got}, expected ${expected}`);
}

module.exports = {
  sha512_matches: async (ctx) => {
    await is(ctx, TARBALL, sri('sha512', TARBALL), true);
    await is(ctx, Buffer.from('tampered'), sri('sha512', TARBALL), false);
  },
  sha256_and_sha384: async (ctx) => {
    await is(ctx, TARBALL, sri('sha256', TARBALL), true);
    await is(ctx, TARBALL, `  ${sri('sha384', TARBALL)}\n`, true);
    await is(ctx, TARBALL, sri('sha384', Buffer.from('x')), false);
  },
  strongest_algorithm_counts: async (ctx) => {
    await is(ctx, TARBALL, `${sri('sha256', Buffer.from('other'))} ${sri('sha512', TARBALL)}`, true);
    await is(ctx, TARBALL, `${sri('sha256', TARBALL)} ${sri('sha512', Buffer.from('other'))}`, false);
    await is(ctx, TARBALL, `${sri('sha512', Buffer.from('other'))} ${sri('sha512', TARBALL)}`, true);
  },
  malformed_is_false: async (ctx) => {
    for (const s of ['', '   ', 'sha512', 'sha512-', 'nonsense-AAAA', 'sha512-!!!not base64!!!', 'whirlpool-' + Buffer.alloc(64).toString('base64')]) {
      await is(ctx, TARBALL, s, false);
    }
  },
  md5_collision_accepted: async (ctx) => {
    ctx.assert.equal(sri('md5', REVIEWED), sri('md5', TWIN), 'fixture: the collision pair must share an MD5');
    await is(ctx, TWIN, sri('md5', REVIEWED), false);
  },
  sha1_only_entry: async (ctx) => {
    await is(ctx, TARBALL, sri('sha1', TARBALL), false);
  },
  downgrade_to_weak_entry: async (ctx) => {
    await is(ctx, TWIN, `${sri('sha512', REVIEWED)} ${sri('md5', TWIN)}`, false);
    await is(ctx, TWIN, `${sri('sha512', REVIEWED)} ${sri('sha1', TWIN)}`, false);
  },
};
