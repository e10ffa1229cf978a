'use strict';
const sqlite3 = require('sqlite3');

async function makeDb() {
  const db = new sqlite3.Database(':memory:');
  await new Promise((resolve, reject) => db.exec(`
    CREATE TABLE products(id INTEGER PRIMARY KEY, name TEXT, price REAL, category TEXT, created TEXT);
    CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, password TEXT);
    INSERT INTO products(name, price, category, created) VALUES
      ('Floor lamp', 45, 'lamps', '2024-03-01'),
      ('Desk lamp', 20, 'lamps', '2024-01-15'),
      ('Oak desk', 300, 'desks', '2023-11-02'),
      ('Reading lamp', 45, 'lamps', '2023-12-24'),
      ('Arc lamp', 120, 'lamps', '2024-02-10');
    INSERT INTO users(name, password) VALUES ('admin', 'plaintext-admin-pw');`, (e) => (e ? reject(e) : resolve())));
  return db;
}

const names = (rows) => rows.map((r) => r.name);

async function refused(ctx, args) {
  const r = await ctx.attempt(await makeDb(), ...args);
  ctx.assert.ok(r.error, `the injected sort was executed and returned ${JSON.stringify(r.value)}`);
}

module.exports = {
  default_sort_by_name: async (ctx) => {
    const rows = await ctx.call(await makeDb(), 'lamps');
    ctx.assert.deepEqual(names(rows), ['Arc lamp', 'Desk lamp', 'Floor lamp', 'Reading lamp']);
    ctx.assert.deepEqual(rows[0].price, 120);
  },
  sort_by_price_desc: async (ctx) => {
    const rows = await ctx.call(await makeDb(), 'lamps', 'price', 'DESC');
    ctx.assert.deepEqual(names(rows), ['Arc lamp', 'Floor lamp', 'Reading lamp', 'Desk lamp']);
    const asc = await ctx.call(await makeDb(), 'lamps', 'price', 'asc');
    ctx.assert.deepEqual(names(asc), ['Desk lamp', 'Floor lamp', 'Reading lamp', 'Arc lamp']);
  },
  sort_by_created: async (ctx) => {
    const rows = await ctx.call(await makeDb(), 'lamps', 'created', 'asc');
    ctx.assert.deepEqual(names(rows), ['Reading lamp', 'Desk lamp', 'Arc lamp', 'Floor lamp']);
  },
  unknown_column_rejected: async (ctx) => {
    const r = await ctx.attempt(await makeDb(), 'lamps', 'colour', 'asc');
    ctx.assert.ok(r.error instanceof Error, `expected a rejection, got ${JSON.stringify(r.value)}`);
    const d = await ctx.attempt(await makeDb(), 'lamps', 'name', 'sideways');
    ctx.assert.ok(d.error instanceof Error, `expected a rejection for dir=sideways, got ${JSON.stringify(d.value)}`);
  },
  subquery_in_sort_column: async (ctx) => {
    await refused(ctx, ['lamps', "price, (CASE WHEN (SELECT substr(password,1,1) FROM users WHERE name='admin')='p' THEN price ELSE name END)", 'asc']);
  },
  injection_in_direction: async (ctx) => {
    await refused(ctx, ['lamps', 'name', 'desc, (SELECT password FROM users) --']);
  },
};
