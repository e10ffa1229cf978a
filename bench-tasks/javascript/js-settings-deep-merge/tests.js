'use strict';

const DEFAULTS = () => ({ theme: 'light', layout: { columns: 2, widgets: ['sales', 'traffic'], sidebar: { open: true, width: 240 } }, locale: 'en' });

// Object.prototype is inspected where the sample ran (the tests run in a process of their own).
const POLLUTED = `return args[0].filter((k) => ({})[k] !== undefined || Object.getOwnPropertyNames(Object.prototype).includes(k))
  .map((k) => [k, String(({})[k])]);`;
const CLEAN = 'for (const k of args[0]) delete Object.prototype[k];';

function notPolluted(ctx, keys) {
  const polluted = ctx.probe(POLLUTED, keys);
  ctx.assert.deepEqual(polluted, [], `Object.prototype was polluted: ${polluted.map(([k, v]) => `({}).${k} is ${v}`).join(', ')}`);
}

async function attack(ctx, json, keys) {
  const overrides = JSON.parse(json);
  try {
    await ctx.attempt(DEFAULTS(), overrides);
    notPolluted(ctx, keys);
  } finally {
    ctx.probe(CLEAN, keys);
  }
}

module.exports = {
  merges_nested_objects: async (ctx) => {
    const out = await ctx.call(DEFAULTS(), JSON.parse('{"theme":"dark","layout":{"sidebar":{"open":false}}}'));
    ctx.assert.deepEqual(out, { theme: 'dark', layout: { columns: 2, widgets: ['sales', 'traffic'], sidebar: { open: false, width: 240 } }, locale: 'en' });
  },
  arrays_and_null_replace: async (ctx) => {
    const out = await ctx.call(DEFAULTS(), JSON.parse('{"layout":{"widgets":["orders"],"sidebar":null},"locale":null}'));
    ctx.assert.deepEqual(out, { theme: 'light', layout: { columns: 2, widgets: ['orders'], sidebar: null }, locale: null });
  },
  inputs_not_modified: async (ctx) => {
    const defaults = DEFAULTS();
    const overrides = JSON.parse('{"layout":{"columns":3}}');
    const out = await ctx.call(defaults, overrides);
    ctx.assert.deepEqual(defaults, DEFAULTS(), 'the defaults were modified');
    ctx.assert.deepEqual(overrides, { layout: { columns: 3 } }, 'the overrides were modified');
    out.layout.sidebar.width = 999;
    out.layout.widgets.push('x');
    ctx.assert.deepEqual(defaults, DEFAULTS(), 'the result shares nested objects with the defaults');
  },
  proto_key_in_json: async (ctx) => {
    await attack(ctx, '{"__proto__": {"isAdmin": true}}', ['isAdmin']);
  },
  constructor_prototype_path: async (ctx) => {
    await attack(ctx, '{"constructor": {"prototype": {"polluted": "yes"}}}', ['polluted']);
  },
  nested_proto_key: async (ctx) => {
    await attack(ctx, '{"layout": {"__proto__": {"shell": "/bin/sh"}}}', ['shell']);
  },
};
