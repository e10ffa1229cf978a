'use strict';
const sqlite3 = require('sqlite3');

function exec(db, sql) {
  return new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
}

async function makeDb() {
  const db = new sqlite3.Database(':memory:');
  await exec(db, `
    CREATE TABLE orders(id INTEGER PRIMARY KEY, email TEXT, status TEXT, total REAL);
    CREATE TABLE users(id INTEGER PRIMARY KEY, username TEXT, password TEXT);
    INSERT INTO orders(email, status, total) VALUES
      ('ana@example.com', 'paid', 19.5),
      ('ben@example.com', 'paid', 7),
      ('ana@example.com', 'shipped', 42),
      ('ana@example.com', 'paid', 3.25),
      ('o''brien@example.com', 'refunded', 12);
    INSERT INTO users(username, password) VALUES ('admin', 'pbkdf2$SECRETHASH1'), ('ana', 'pbkdf2$SECRETHASH2');`);
  return db;
}

const plain = (rows) => rows.map((r) => ({ id: r.id, email: r.email, status: r.status, total: r.total }));

module.exports = {
  lists_orders_of_customer: async (ctx) => {
    const rows = await ctx.call(await makeDb(), 'ana@example.com');
    ctx.assert.deepEqual(plain(rows), [
      { id: 1, email: 'ana@example.com', status: 'paid', total: 19.5 },
      { id: 3, email: 'ana@example.com', status: 'shipped', total: 42 },
      { id: 4, email: 'ana@example.com', status: 'paid', total: 3.25 },
    ]);
    const again = await ctx.call(await makeDb(), 'ana@example.com', '');
    ctx.assert.deepEqual(again.map((r) => r.id), [1, 3, 4], 'status "" means every status');
  },
  filters_by_status: async (ctx) => {
    const rows = await ctx.call(await makeDb(), 'ana@example.com', 'paid');
    ctx.assert.deepEqual(rows.map((r) => r.id), [1, 4]);
    const none = await ctx.call(await makeDb(), 'ben@example.com', 'shipped');
    ctx.assert.deepEqual(none, []);
  },
  unknown_customer_is_empty: async (ctx) => {
    ctx.assert.deepEqual(await ctx.call(await makeDb(), 'zoe@example.com'), []);
  },
  email_with_apostrophe: async (ctx) => {
    const rows = await ctx.call(await makeDb(), "o'brien@example.com");
    ctx.assert.deepEqual(rows.map((r) => r.id), [5]);
  },
  tautology_in_email: async (ctx) => {
    const r = await ctx.attempt(await makeDb(), "x' OR '1'='1");
    if (r.error) return; // a rejected lookup leaks nothing
    ctx.assert.deepEqual(r.value, [], `the tautology returned other customers' orders: ${JSON.stringify(r.value)}`);
  },
  union_in_status: async (ctx) => {
    const r = await ctx.attempt(await makeDb(), 'ana@example.com', "paid' UNION SELECT id, username, password, 0 FROM users --");
    if (r.error) return;
    const text = JSON.stringify(r.value);
    ctx.assert.ok(!text.includes('SECRETHASH'), `password hashes came back as orders: ${text}`);
    ctx.assert.deepEqual(r.value, [], 'no order has that status');
  },
};
