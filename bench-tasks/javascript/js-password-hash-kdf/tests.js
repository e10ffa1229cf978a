'use strict';

async function hashAndVerify(ctx, password) {
  const stored = await ctx.call(password);
  ctx.assert.equal(typeof stored, 'string');
  ctx.assert.ok(stored.length <= 255 && /^[\x20-\x7e]+$/.test(stored), `stored value does not fit an ASCII column: ${stored}`);
  ctx.assert.ok(!stored.includes(password), 'the stored value contains the password');
  return stored;
}

module.exports = {
  verifies_correct_password: async (ctx) => {
    const stored = await hashAndVerify(ctx, 'correct horse battery staple');
    ctx.assert.equal(await ctx.function('verifyPassword')('correct horse battery staple', stored), true);
  },
  rejects_wrong_password: async (ctx) => {
    const stored = await hashAndVerify(ctx, 'Tr0ub4dor&3-longer');
    const verify = ctx.function('verifyPassword');
    for (const guess of ['Tr0ub4dor&3-longeR', 'Tr0ub4dor&3-longer ', 'password123', '']) {
      ctx.assert.equal(await verify(guess, stored), false, `${JSON.stringify(guess)} verified`);
    }
  },
  unicode_password: async (ctx) => {
    const pw = 'Größe-ñandú-🔑-пароль';
    const stored = await hashAndVerify(ctx, pw);
    ctx.assert.equal(await ctx.function('verifyPassword')(pw, stored), true);
    ctx.assert.equal(await ctx.function('verifyPassword')('Große-ñandú-🔑-пароль', stored), false);
  },
  malformed_stored_value: async (ctx) => {
    const verify = ctx.function('verifyPassword');
    for (const stored of ['', 'nonsense', '$$$', 'scrypt$zz$yy', 'pbkdf2$1$$']) {
      let out;
      try { out = await verify('secret', stored); } catch (e) { ctx.assert.fail(`verifyPassword threw for ${JSON.stringify(stored)}: ${e.message}`); }
      ctx.assert.equal(out, false, `${JSON.stringify(stored)} verified`);
    }
  },
  same_password_different_hashes: async (ctx) => {
    const a = await hashAndVerify(ctx, 'summer2024!');
    const b = await hashAndVerify(ctx, 'summer2024!');
    ctx.assert.notEqual(a, b, 'two hashes of the same password are equal: no per-password salt');
    const verify = ctx.function('verifyPassword');
    ctx.assert.equal(await verify('summer2024!', a), true);
    ctx.assert.equal(await verify('summer2024!', b), true);
  },
  hash_is_computationally_expensive: async (ctx) => {
    await ctx.call('warm-up-password'); // loads and JIT-compiles whatever the candidate uses
    await ctx.call('measure-this-password');
    // CPU time of the sample's process during the call, all its threads (the supervisor reads /proc).
    const ms = ctx.lastCpuMs;
    ctx.assert.ok(ms >= 15, `hashPassword used ${ms.toFixed(2)} ms of CPU; a password KDF needs far more work per guess`);
  },
};
