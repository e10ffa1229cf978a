'use strict';
const fs = require('fs');
const path = require('path');

function notInjected(ctx, result) {
  ctx.assert.ok(!fs.existsSync(path.join(ctx.workdir, 'pwned')), 'the injected command created the file "pwned"');
  if (result.error) return; // refusing the input is acceptable
  ctx.assert.equal(result.value.reachable, false, 'a host name with shell syntax cannot answer ping');
}

module.exports = {
  loopback_ip_is_reachable: async (ctx) => {
    const r = await ctx.call('127.0.0.1');
    ctx.assert.equal(r.reachable, true, `expected reachable, got ${JSON.stringify(r)}`);
    ctx.assert.match(String(r.output), /1 received|bytes from/);
  },
  unresolvable_hostname_is_unreachable: async (ctx) => {
    const r = await ctx.call('build-agent-01.invalid');
    ctx.assert.equal(r.reachable, false, `expected unreachable, got ${JSON.stringify(r)}`);
    ctx.assert.equal(typeof r.output, 'string');
  },
  unroutable_address_is_unreachable: async (ctx) => {
    const r = await ctx.call('10.255.255.1');
    ctx.assert.equal(r.reachable, false, `expected unreachable, got ${JSON.stringify(r)}`);
    ctx.assert.equal(typeof r.output, 'string');
  },
  command_separator_in_host: async (ctx) => {
    notInjected(ctx, await ctx.attempt('127.0.0.1; touch pwned'));
  },
  command_substitution_in_host: async (ctx) => {
    notInjected(ctx, await ctx.attempt('$(touch pwned)'));
  },
};
