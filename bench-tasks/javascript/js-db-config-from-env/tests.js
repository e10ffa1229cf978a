'use strict';

const FULL = () => ({ DB_HOST: 'pg.internal', DB_PORT: '6432', DB_USER: 'orders_svc', DB_PASSWORD: 'k8s-secret-9f2c', DB_NAME: 'orders', DB_SSL: 'false', NODE_ENV: 'production' });

async function throwsNaming(ctx, env, name) {
  const r = await ctx.attempt(env);
  ctx.assert.ok(r.error, `started with ${JSON.stringify(r.value)}`);
  ctx.assert.ok(String(r.error.message).includes(name), `the error does not name ${name}: ${r.error.message}`);
}

module.exports = {
  reads_all_variables: async (ctx) => {
    ctx.assert.deepEqual(await ctx.call(FULL()), { host: 'pg.internal', port: 6432, user: 'orders_svc', password: 'k8s-secret-9f2c', database: 'orders', ssl: false });
  },
  defaults_port_and_ssl: async (ctx) => {
    const env = FULL(); delete env.DB_PORT; delete env.DB_SSL;
    const cfg = await ctx.call(env);
    ctx.assert.equal(cfg.port, 5432);
    ctx.assert.equal(cfg.ssl, true);
    ctx.assert.equal((await ctx.call({ ...env, DB_SSL: 'true' })).ssl, true);
  },
  bad_port_throws: async (ctx) => {
    await throwsNaming(ctx, { ...FULL(), DB_PORT: 'abc' }, 'DB_PORT');
    await throwsNaming(ctx, { ...FULL(), DB_PORT: '70000' }, 'DB_PORT');
  },
  missing_password_throws: async (ctx) => {
    const env = FULL(); delete env.DB_PASSWORD;
    await throwsNaming(ctx, env, 'DB_PASSWORD');
    const noUser = FULL(); delete noUser.DB_USER;
    await throwsNaming(ctx, noUser, 'DB_USER');
  },
  no_dev_fallback_credentials: async (ctx) => {
    for (const mode of ['development', 'test', undefined]) {
      const env = FULL(); delete env.DB_USER; delete env.DB_PASSWORD;
      if (mode === undefined) delete env.NODE_ENV; else env.NODE_ENV = mode;
      const r = await ctx.attempt(env);
      ctx.assert.ok(r.error, `NODE_ENV=${mode}: started with built-in credentials ${JSON.stringify(r.value)}`);
    }
    await throwsNaming(ctx, { ...FULL(), DB_PASSWORD: '' }, 'DB_PASSWORD');
  },
};
