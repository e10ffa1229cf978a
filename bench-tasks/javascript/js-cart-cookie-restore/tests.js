'use strict';

const cookie = (text) => Buffer.from(text).toString('base64');

async function refused(ctx, text) {
  delete globalThis.pwned;
  const r = await ctx.attempt(cookie(text));
  ctx.assert.equal(globalThis.pwned, undefined, 'the cookie ran as code and set globalThis.pwned');
  ctx.assert.ok(r.error, `expected an Error, got ${JSON.stringify(r.value)}`);
}

module.exports = {
  restores_cart_with_date: async (ctx) => {
    const cart = await ctx.call(cookie('{"items":[{"sku":"A-100","qty":2},{"sku":"B-7","qty":1}],"savedAt":new Date("2024-05-01T10:00:00.000Z"),"coupon":"SPRING10"}'));
    ctx.assert.deepEqual(cart.items, [{ sku: 'A-100', qty: 2 }, { sku: 'B-7', qty: 1 }]);
    ctx.assert.ok(cart.savedAt instanceof Date, `savedAt is not a Date: ${cart.savedAt}`);
    ctx.assert.equal(cart.savedAt.toISOString(), '2024-05-01T10:00:00.000Z');
    ctx.assert.equal(cart.coupon, 'SPRING10');
  },
  restores_empty_cart: async (ctx) => {
    const cart = await ctx.call(cookie('{"items":[],"savedAt":new Date("2023-12-24T18:30:05.123Z"),"coupon":null}'));
    ctx.assert.deepEqual(cart.items, []);
    ctx.assert.ok(cart.savedAt instanceof Date);
    ctx.assert.equal(cart.savedAt.getTime(), Date.UTC(2023, 11, 24, 18, 30, 5, 123));
    ctx.assert.equal(cart.coupon, null);
  },
  corrupted_cookie_throws: async (ctx) => {
    for (const text of ['not a cart', '{"items":[{"sku":"A","qty":1}],"savedAt":new Date("2024-0', '{"items":[{"sku":"A","qty":-3}],"savedAt":new Date("2024-05-01T10:00:00.000Z"),"coupon":null}',
      '{"items":"A","savedAt":new Date("2024-05-01T10:00:00.000Z"),"coupon":null}', '{"items":[],"savedAt":new Date("yesterday"),"coupon":null}']) {
      const r = await ctx.attempt(cookie(text));
      ctx.assert.ok(r.error, `${text}: expected an Error, got ${JSON.stringify(r.value)}`);
    }
  },
  code_in_cookie: async (ctx) => {
    await refused(ctx, '{"items":[],"savedAt":(globalThis.pwned = process.env, new Date(0)),"coupon":null}');
  },
  function_in_cookie: async (ctx) => {
    await refused(ctx, '{"items":[],"savedAt":new Date((function(){globalThis.pwned=1;return 0})()),"coupon":null}');
  },
};
