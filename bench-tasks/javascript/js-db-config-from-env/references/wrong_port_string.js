'use strict';

function required(env, name) {
  const v = env[name];
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`${name} is not set`);
  return v;
}

function loadDbConfig(env) {
  const host = required(env, 'DB_HOST');
  const user = required(env, 'DB_USER');
  const password = required(env, 'DB_PASSWORD');
  const database = required(env, 'DB_NAME');
  let port = 5432;
  if (env.DB_PORT !== undefined && env.DB_PORT !== '') {
    if (!/^\d{1,5}$/.test(env.DB_PORT) || Number(env.DB_PORT) < 1 || Number(env.DB_PORT) > 65535) {
      throw new Error(`DB_PORT must be a port number, got ${JSON.stringify(env.DB_PORT)}`);
    }
    port = env.DB_PORT;
  }
  return { host, port, user, password, database, ssl: env.DB_SSL !== 'false' };
}

module.exports = { loadDbConfig };
