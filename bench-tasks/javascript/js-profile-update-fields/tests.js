'use strict';

const USER = () => ({ id: 42, email: 'eve@example.com', name: 'Eve', bio: '', locale: 'en', newsletter: false,
  role: 'user', emailVerified: false, credits: 0, passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==' });

const PROTECTED = ['id', 'email', 'role', 'emailVerified', 'credits', 'passwordHash'];

async function unchangedProtected(ctx, body) {
  const r = await ctx.attempt(USER(), body);
  if (r.error) return; // rejecting the request is fine
  for (const k of PROTECTED) ctx.assert.deepEqual(r.value[k], USER()[k], `the request changed ${k} to ${JSON.stringify(r.value[k])}`);
  ctx.assert.ok(!('isAdmin' in r.value), 'the request added isAdmin to the record');
}

module.exports = {
  updates_allowed_fields: async (ctx) => {
    const out = await ctx.call(USER(), { name: '  Eve Adams ', bio: 'Gardener.', locale: 'de', newsletter: true });
    ctx.assert.deepEqual(out, { ...USER(), name: 'Eve Adams', bio: 'Gardener.', locale: 'de', newsletter: true });
  },
  partial_update: async (ctx) => {
    const user = USER();
    const out = await ctx.call(user, { locale: 'fr' });
    ctx.assert.deepEqual(out, { ...USER(), locale: 'fr' });
    ctx.assert.deepEqual(user, USER(), 'the input record was modified');
  },
  invalid_values_rejected: async (ctx) => {
    for (const body of [{ name: '   ' }, { locale: 'xx' }, { newsletter: 'yes' }, { bio: 'x'.repeat(501) }, { name: 'n'.repeat(61) }]) {
      const r = await ctx.attempt(USER(), body);
      ctx.assert.ok(r.error, `${JSON.stringify(body).slice(0, 60)} was accepted`);
      ctx.assert.equal(r.error.status, 400, `expected status 400 for ${JSON.stringify(body).slice(0, 60)}`);
    }
  },
  role_escalation: async (ctx) => {
    await unchangedProtected(ctx, { name: 'Eve', role: 'admin' });
    await unchangedProtected(ctx, { isAdmin: true });
  },
  protected_account_fields: async (ctx) => {
    await unchangedProtected(ctx, { emailVerified: true, credits: 100000, id: 1, email: 'ceo@shop.example', passwordHash: 'scrypt$1$1$1$YQ==$YQ==' });
  },
};
