'use strict';
const fs = require('fs');
const path = require('path');

const AT = new Date('2024-05-01T09:15:00.000Z');
const file = (ctx) => path.join(ctx.workdir, 'auth.log');
const lines = (ctx) => fs.readFileSync(file(ctx), 'utf8').split('\n');

async function oneLine(ctx, username) {
  await ctx.call(file(ctx), { username, ip: '203.0.113.9', success: false, at: AT });
  const text = fs.readFileSync(file(ctx), 'utf8');
  ctx.assert.ok(text.endsWith('\n'), 'the entry must end with a newline');
  const entries = text.slice(0, -1).split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
  ctx.assert.equal(entries.length, 1, `one attempt produced ${entries.length} log lines: ${JSON.stringify(text)}`);
  ctx.assert.ok(entries[0].startsWith('2024-05-01T09:15:00.000Z LOGIN_FAIL user='), `unexpected entry ${JSON.stringify(entries[0])}`);
  ctx.assert.ok(entries[0].endsWith(' ip=203.0.113.9'), `the entry lost its ip field: ${JSON.stringify(entries[0])}`);
  // eslint-disable-next-line no-control-regex
  ctx.assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(entries[0]), `control characters reached the log: ${JSON.stringify(entries[0])}`);
}

module.exports = {
  writes_success_line: async (ctx) => {
    await ctx.call(file(ctx), { username: 'alice', ip: '198.51.100.4', success: true, at: AT });
    ctx.assert.equal(fs.readFileSync(file(ctx), 'utf8'), '2024-05-01T09:15:00.000Z LOGIN_OK user=alice ip=198.51.100.4\n');
  },
  appends_failures_in_order: async (ctx) => {
    fs.writeFileSync(file(ctx), 'existing line\n');
    await ctx.call(file(ctx), { username: 'bob', ip: '10.1.2.3', success: false, at: AT });
    await ctx.call(file(ctx), { username: 'bob', ip: '10.1.2.3', success: true, at: new Date('2024-05-01T09:16:30.000Z') });
    ctx.assert.deepEqual(lines(ctx), ['existing line', '2024-05-01T09:15:00.000Z LOGIN_FAIL user=bob ip=10.1.2.3',
      '2024-05-01T09:16:30.000Z LOGIN_OK user=bob ip=10.1.2.3', '']);
  },
  keeps_readable_usernames: async (ctx) => {
    await ctx.call(file(ctx), { username: 'José Díaz', ip: '::1', success: false, at: AT });
    await ctx.call(file(ctx), { username: 'ana+test@example.com', ip: '::1', success: true, at: AT });
    ctx.assert.deepEqual(lines(ctx), ['2024-05-01T09:15:00.000Z LOGIN_FAIL user=José Díaz ip=::1',
      '2024-05-01T09:15:00.000Z LOGIN_OK user=ana+test@example.com ip=::1', '']);
  },
  newline_forges_entry: async (ctx) => {
    await oneLine(ctx, 'x\n2024-05-01T10:00:00.000Z LOGIN_OK user=admin ip=10.0.0.1');
  },
  carriage_return_and_escape: async (ctx) => {
    await oneLine(ctx, 'mallory\r2024-05-01T10:00:00.000Z LOGIN_OK user=admin');
    fs.rmSync(file(ctx));
    await oneLine(ctx, 'eve\u001b[2K\u001b[1Gadmin');
  },
};
