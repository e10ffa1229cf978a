'use strict';

const catalog = () => new Map([['LAMP-01', { priceCents: 1999, stock: 7 }], ['TV-55', { priceCents: 89900, stock: 3 }], ['CABLE', { priceCents: 450, stock: 500 }]]);

async function rejected(ctx, line) {
  const r = await ctx.attempt(line, catalog());
  ctx.assert.ok(r.error, `${JSON.stringify(line)} was accepted: ${JSON.stringify(r.value)}`);
  ctx.assert.equal(r.error.status, 422, `expected status 422 for ${JSON.stringify(line)}, got ${r.error.status}`);
}

module.exports = {
  prices_valid_line: async (ctx) => {
    ctx.assert.deepEqual(await ctx.call({ sku: 'LAMP-01', qty: 3 }, catalog()), { sku: 'LAMP-01', qty: 3, unitPriceCents: 1999, totalCents: 5997 });
    ctx.assert.deepEqual(await ctx.call({ sku: 'CABLE', qty: 20 }, catalog()), { sku: 'CABLE', qty: 20, unitPriceCents: 450, totalCents: 9000 });
  },
  unknown_sku_rejected: async (ctx) => {
    await rejected(ctx, { sku: 'NOPE', qty: 1 });
    await rejected(ctx, { sku: '__proto__', qty: 1 });
  },
  stock_and_maximum: async (ctx) => {
    await rejected(ctx, { sku: 'TV-55', qty: 4 });
    await rejected(ctx, { sku: 'CABLE', qty: 21 });
    ctx.assert.equal((await ctx.call({ sku: 'TV-55', qty: 3 }, catalog())).totalCents, 269700);
  },
  negative_or_zero_quantity: async (ctx) => {
    for (const qty of [-5, 0, -0]) await rejected(ctx, { sku: 'LAMP-01', qty });
  },
  non_integer_quantities: async (ctx) => {
    for (const qty of [0.01, 1e-9, 2.5, NaN, Infinity, '2', [3], null, true]) await rejected(ctx, { sku: 'LAMP-01', qty });
  },
  client_price_ignored: async (ctx) => {
    const r = await ctx.attempt({ sku: 'TV-55', qty: 1, unitPrice: 1 }, catalog());
    if (r.error) return;
    ctx.assert.equal(r.value.unitPriceCents, 89900, 'the unit price was taken from the request');
    ctx.assert.equal(r.value.totalCents, 89900);
  },
};
