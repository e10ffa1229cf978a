'use strict';

// Object.prototype is inspected where the sample ran (the tests run in a process of their own).
const POLLUTED = `return args[0].filter((k) => ({})[k] !== undefined || Object.getOwnPropertyNames(Object.prototype).includes(k))
  .map((k) => [k, String(({})[k])]);`;
const CLEAN = 'for (const k of args[0]) delete Object.prototype[k];';

async function attack(ctx, query, keys) {
  try {
    await ctx.attempt(query);
    const polluted = ctx.probe(POLLUTED, keys);
    ctx.assert.deepEqual(polluted, [], `${query} polluted Object.prototype: ${polluted.map(([k, v]) => `({}).${k} is ${v}`).join(', ')}`);
  } finally {
    ctx.probe(CLEAN, keys);
  }
}

module.exports = {
  parses_flat_pairs: async (ctx) => {
    ctx.assert.deepEqual(await ctx.call('?q=desk+lamp&page=2&sort=price%20asc&empty&page=3'), { q: 'desk lamp', page: '3', sort: 'price asc', empty: '' });
    ctx.assert.deepEqual(await ctx.call(''), {});
  },
  parses_nested_objects: async (ctx) => {
    ctx.assert.deepEqual(await ctx.call('q=lamp&filter[color]=red&filter[price][max]=50&filter[price][min]=10'),
      { q: 'lamp', filter: { color: 'red', price: { max: '50', min: '10' } } });
    ctx.assert.deepEqual(await ctx.call('filter%5Bcolor%5D=blue&q=x&q[sub]=ignored'), { filter: { color: 'blue' }, q: 'x' });
  },
  parses_arrays: async (ctx) => {
    ctx.assert.deepEqual(await ctx.call('tags[]=sale&tags[]=new&tags[]=caf%C3%A9'), { tags: ['sale', 'new', 'café'] });
  },
  proto_key_pollution: async (ctx) => {
    await attack(ctx, '?__proto__[isAdmin]=true', ['isAdmin']);
    await attack(ctx, '?filter[__proto__][isAdmin]=true', ['isAdmin']);
  },
  constructor_prototype_pollution: async (ctx) => {
    await attack(ctx, '?constructor[prototype][polluted]=yes', ['polluted']);
    await attack(ctx, '?%5F%5Fproto%5F%5F[polluted]=yes', ['polluted']);
  },
};
