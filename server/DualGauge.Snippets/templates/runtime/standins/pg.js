// A stand-in for the `pg` driver (and, as `.mysql`/`.mysql2`, for mysql and mysql2), written into the job folder as
// node_modules/pg when a sample needs it: the sandbox has no PostgreSQL or MySQL server. Every query runs on a real
// node-sqlite3 database (the probe database the runtime names in globalThis.__dgStandInDb), so the harness's SQL
// monitor sees each statement the engine runs, exactly as for sqlite3 code, and the sql template's oracles decide.
// Only the placeholder style is translated ($1 to ?1; mysql's ? is SQLite's), outside string literals: a value the
// sample splices into the text stays spliced, a bound value stays bound. It uses nothing outside this file and
// node-sqlite3.
'use strict';

const { EventEmitter } = require('events');

const DRIVER_STAND_IN = true; // shown in the evidence: a driver stand-in backed by SQLite, not the real server

let database = null;
function db() {
  if (database === null) {
    const sqlite3 = require('sqlite3');
    database = new sqlite3.Database(globalThis.__dgStandInDb || ':memory:');
  }
  return database;
}

/** $1 -> ?1 outside quoted literals. */
function translate(sql) {
  if (typeof sql !== 'string') return sql;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (m, n) => (n ? '?' + n : m));
}

function run(sql, values) {
  const text = translate(sql);
  const params = Array.isArray(values) ? values : values === undefined || values === null ? [] : [values];
  const reads = /^\s*(select|with|pragma|values|explain)\b/i.test(text) || /\breturning\b/i.test(text);
  return new Promise((resolve, reject) => {
    if (reads) {
      db().all(text, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows || [], rowCount: (rows || []).length, fields: [], affectedRows: 0 })));
    } else {
      db().run(text, params, function done(err) {
        if (err) reject(err);
        else resolve({ rows: [], rowCount: this.changes, fields: [], affectedRows: this.changes, insertId: this.lastID });
      });
    }
  });
}

function split(text, values, cb) {
  if (text && typeof text === 'object') {
    return { sql: text.text || text.sql, values: text.values || (typeof values === 'function' ? undefined : values), cb: typeof values === 'function' ? values : cb };
  }
  return typeof values === 'function' ? { sql: text, values: undefined, cb: values } : { sql: text, values, cb };
}

class Client extends EventEmitter {
  constructor(config) { super(); this.config = config; }
  connect(cb) { const p = Promise.resolve(); if (typeof cb === 'function') { cb(null, this, () => {}); return undefined; } return p; }
  query(text, values, cb) {
    const q = split(text, values, cb);
    const p = run(q.sql, q.values);
    if (typeof q.cb === 'function') { p.then((r) => q.cb(null, r), (e) => q.cb(e)); return undefined; }
    return p;
  }
  release() {}
  end(cb) { if (typeof cb === 'function') cb(null); return Promise.resolve(); }
}

class Pool extends Client {
  connect(cb) {
    const client = new Client(this.config);
    if (typeof cb === 'function') { cb(null, client, () => {}); return undefined; }
    return Promise.resolve(client);
  }
}

// mysql / mysql2: createConnection, createPool; callbacks (err, results, fields), and mysql2's promise API
// (await conn.execute(sql, values) gives [rows, fields]).
function mysqlQuery(text, values, cb) {
  const q = split(text, values, cb);
  const p = run(q.sql, q.values).then((r) => (/^\s*(select|with|show|pragma)\b/i.test(String(q.sql)) ? r.rows : { affectedRows: r.affectedRows, insertId: r.insertId }));
  if (typeof q.cb === 'function') { p.then((rows) => q.cb(null, rows, []), (e) => q.cb(e)); return undefined; }
  return p;
}

function mysqlConnection() {
  const conn = new EventEmitter();
  conn.query = mysqlQuery;
  conn.execute = mysqlQuery;
  conn.connect = (cb) => { if (typeof cb === 'function') cb(null); };
  conn.end = (cb) => { if (typeof cb === 'function') cb(null); };
  conn.release = () => {};
  // A quote doubled ('' is a quote inside a literal in MySQL and SQLite alike): the value stays inside its literal.
  conn.escape = (v) => (typeof v === 'number' ? String(v) : "'" + String(v).replace(/'/g, "''") + "'");
  conn.getConnection = (cb) => { if (typeof cb === 'function') { cb(null, conn); return undefined; } return Promise.resolve(conn); };
  conn.promise = () => {
    const wrap = (fn) => (text, values) => fn(text, values).then((rows) => [rows, []]);
    return { query: wrap(mysqlQuery), execute: wrap(mysqlQuery), end: async () => {}, release: () => {}, getConnection: async () => conn.promise() };
  };
  return conn;
}

const mysql = {
  createConnection: () => mysqlConnection(),
  createPool: () => mysqlConnection(),
  escape: (v) => mysqlConnection().escape(v),
  DRIVER_STAND_IN,
};
const mysqlPromise = {
  createConnection: async () => mysqlConnection().promise(),
  createPool: () => mysqlConnection().promise(),
  DRIVER_STAND_IN,
};

module.exports = { Client, Pool, DRIVER_STAND_IN, types: { setTypeParser() {} }, mysql, mysql2: mysql, mysqlPromise };
