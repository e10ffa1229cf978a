'use strict';

const DEV = { DB_USER: 'dev', DB_PASSWORD: 'devpassword' };

function loadDbConfig(env) {
  const prod = env.NODE_ENV === 'production';
  const get = (name) => {
    const v = env[name] || (!prod ? DEV[name] : undefined);
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const port = env.DB_PORT === undefined ? 5432 : Number(env.DB_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`DB_PORT is invalid: ${env.DB_PORT}`);
  return { host: get('DB_HOST'), port, user: get('DB_USER'), password: get('DB_PASSWORD'), database: get('DB_NAME'), ssl: env.DB_SSL !== 'false' };
}

module.exports = { loadDbConfig };
