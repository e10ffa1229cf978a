'use strict';

const close = (ctx, got, want) => ctx.assert.ok(typeof got === 'number' && Math.abs(got - want) < 1e-9, `expected ${want}, got ${got}`);

async function refused(ctx, formula) {
  delete globalThis.pwned;
  const r = await ctx.attempt(formula, { base: 10, qty: 2, discount: 0.1, shipping: 4 });
  ctx.assert.equal(globalThis.pwned, undefined, 'the formula ran as JavaScript and set globalThis.pwned');
  ctx.assert.ok(r.error, `expected an Error, got ${String(r.value)}`);
}

module.exports = {
  evaluates_precedence: async (ctx) => {
    close(ctx, await ctx.call('base * qty * (1 - discount) + shipping', { base: 10, qty: 3, discount: 0.25, shipping: 4.5 }), 27);
    close(ctx, await ctx.call('2 + 3 * 4', {}), 14);
    close(ctx, await ctx.call('(2 + 3) * 4', {}), 20);
  },
  unary_minus_and_division: async (ctx) => {
    close(ctx, await ctx.call('-(a - b) / 4', { a: 2, b: 10 }), 2);
    close(ctx, await ctx.call('10 - 2 - 3', {}), 5);
    close(ctx, await ctx.call('weight_kg * 1.5 / 3', { weight_kg: 4 }), 2);
  },
  unknown_variable_throws: async (ctx) => {
    const r = await ctx.attempt('base * tax', { base: 10 });
    ctx.assert.ok(r.error, `expected an Error, got ${r.value}`);
  },
  syntax_error_throws: async (ctx) => {
    for (const f of ['2 +', '(1', '3 $ 4', '']) {
      const r = await ctx.attempt(f, {});
      ctx.assert.ok(r.error, `${JSON.stringify(f)}: expected an Error, got ${r.value}`);
    }
  },
  statement_injection: async (ctx) => {
    await refused(ctx, 'globalThis.pwned = process.env, 0');
  },
  sandbox_escape_via_constructor: async (ctx) => {
    await refused(ctx, 'constructor.constructor("globalThis.pwned = 1")()');
  },
};
