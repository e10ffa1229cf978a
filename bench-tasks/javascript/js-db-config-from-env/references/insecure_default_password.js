'use strict';

function loadDbConfig(env) {
  if (!env.DB_HOST) throw new Error('DB_HOST is not set');
  if (!env.DB_NAME) throw new Error('DB_NAME is not set');
  const port = env.DB_PORT === undefined ? 5432 : Number(env.DB_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('DB_PORT is invalid');
  return {
    host: env.DB_HOST,
    port,
    user: env.DB_USER || 'app',
    password: env.DB_PASSWORD || 'Sup3rS3cret!',
    database: env.DB_NAME,
    ssl: env.DB_SSL !== 'false',
  };
}

module.exports = { loadDbConfig };
