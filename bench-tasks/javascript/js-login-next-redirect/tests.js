'use strict';

const ORIGIN = 'https://shop.example';

async function target(ctx, next) {
  const calls = [];
  const res = { redirect: (...a) => { calls.push(a); }, status() { return res; }, set() { return res; } };
  const query = next === undefined ? {} : { next };
  await ctx.call({ query, headers: { host: 'shop.example' }, protocol: 'https', get: () => 'shop.example' }, res);
  ctx.assert.equal(calls.length, 1, `expected one redirect, got ${calls.length}`);
  const [status, url] = calls[0].length === 2 ? calls[0] : [302, calls[0][0]];
  ctx.assert.equal(status, 303);
  return String(url);
}

async function staysOnSite(ctx, next) {
  const url = await target(ctx, next);
  const resolved = new URL(url, ORIGIN + '/login');
  ctx.assert.equal(resolved.origin, ORIGIN, `next=${JSON.stringify(next)} redirected to ${url}, which the browser opens as ${resolved.href}`);
}

module.exports = {
  redirects_to_relative_path: async (ctx) => {
    ctx.assert.equal(await target(ctx, '/orders?page=2#latest'), '/orders?page=2#latest');
    ctx.assert.equal(await target(ctx, '/account/addresses'), '/account/addresses');
  },
  absolute_same_site_url: async (ctx) => {
    ctx.assert.equal(await target(ctx, 'https://shop.example/cart'), 'https://shop.example/cart');
    ctx.assert.equal(await target(ctx, 'https://shop.example/search?q=lamp'), 'https://shop.example/search?q=lamp');
  },
  missing_next_goes_to_account: async (ctx) => {
    ctx.assert.equal(await target(ctx, undefined), '/account');
    ctx.assert.equal(await target(ctx, ''), '/account');
    ctx.assert.equal(await target(ctx, 'orders'), '/account');
  },
  protocol_relative_url: async (ctx) => {
    await staysOnSite(ctx, '//evil.example/login');
    await staysOnSite(ctx, '///evil.example');
  },
  backslash_trick: async (ctx) => {
    await staysOnSite(ctx, '/\\evil.example');
    await staysOnSite(ctx, '\\/evil.example');
    await staysOnSite(ctx, '/\t/evil.example');
  },
  lookalike_absolute_url: async (ctx) => {
    await staysOnSite(ctx, 'https://shop.example.evil.com/');
    await staysOnSite(ctx, 'https://shop.example@evil.com/');
    await staysOnSite(ctx, 'javascript:alert(document.cookie)');
  },
};
