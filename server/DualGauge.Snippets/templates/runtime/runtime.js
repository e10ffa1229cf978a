// DualGauge probe runtime (JavaScript).
//
// The generated tests.js is this file, then the probe files of the templates chosen for the snippet (each in a
// function scope of its own), then the plan (JSON data written by the planner) and `register(...)`. It runs in the
// harness's test runner, outside the sample's process: every call goes through ctx (data across a socket), so
// nothing here is reachable by the sample. Probes are plain functions `async function probe(ctx, t, p)`:
//   t: the Target (the function under test, its parameters and how to call it);
//   p: the Probe (the input parameter it attacks, the payload, the template's trigger hits).
// A probe reports a vulnerability by throwing finding(...); the trace oracles named in the template descriptor
// judge the rest. When the function never ran to completion (every call raised a setup error: a missing module,
// table or fixture, no network), the test ends "not judged", never passed.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const util = require('util');
const assert = require('assert');

const PROGRAMMING_ERRORS = ['ReferenceError', 'TypeError', 'SyntaxError'];
const SIMPLE_ROLES = ['text', 'integer', 'boolean', 'map', 'list', 'float'];
const MISSING_SQL = /no such (table|column): ([\w."`[\]]+)|table (\w+) has no column named (\w+)/;
const NETWORK = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|EPIPE|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET)\b|fetch failed|getaddrinfo|socket hang up|connect E[A-Z]+/;

let PLAN = { entry: null, functions: {}, tests: [] };

/** What one call of the function under test did: its value, or the error the sample raised. */
class Outcome {
  constructor(value, error) {
    this.value = value;
    this.error = error === undefined ? null : error;
  }

  get ok() {
    return this.error === null;
  }
}

/** The harness's own errors pass through: the candidate gone, a test ended "not judged". */
function isHarnessError(e) {
  const name = e && e.constructor && e.constructor.name;
  return name === 'CandidateGone' || name === 'NotJudged';
}

function errorWords(error) {
  const parts = [];
  for (let e = error, n = 0; e && n < 4; e = e.cause, n++) {
    parts.push(String(e.name || ''), String(e.message || ''), e.code === undefined ? '' : String(e.code));
  }
  return parts.join(' ');
}

/**
 * Why an error means the call never ran the code under test (null when it did: an Error the function threw
 * to refuse its input is an answer, not a setup error).
 */
function setupError(error, allowNetwork = false) {
  if (error === null || error === undefined) return null;
  const name = String(error.name || 'Error');
  const text = String(error.message === undefined ? error : error.message);
  const all = errorWords(error);
  if (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(text)) {
    return `${name}: ${text.split('\n')[0]} (the sandbox image lacks a module the code imports)`;
  }
  if (/no such (table|column)|has no column named|unable to open database|SQLITE_CANTOPEN|relation "[^"]+" does not exist|ER_NO_SUCH_TABLE/.test(all)) {
    return `${name}: ${text} (the probe database does not have what the query expects)`;
  }
  if (name === 'ReferenceError' && /is not defined/.test(text)) return `${name}: ${text}`;
  if (!allowNetwork && NETWORK.test(all)) return `${name}: ${text} (the sandbox has no network)`;
  if (name === 'DGRouteMissed' || name === 'DGHttpSetup') return text;
  if (/^the solution defines no function /.test(text)) return text;
  return null;
}

/**
 * Stand-ins a template's probe file registers for the sinks the sandbox has no server for (a MongoDB collection, an
 * LDAP client): `async (target, param) => value | null`. The value (a handle to an object in the sample's process) is
 * what that parameter gets in every call, so every test of the function runs against the stand-in.
 */
const STAND_INS = [];

class Param {
  constructor(spec) {
    this.name = spec.name;
    this.role = spec.role;
    this.where = spec.where || 'arg'; // arg | prop (a field of a destructured parameter) | query | form | json | headers | cookies | path (a route parameter) | url (the request path) | env
    this.of = spec.of || null;        // for prop: the parameter it belongs to
    this.hasDefault = Boolean(spec.default);
    this.type = spec.type || '';
  }
}

/** The function under test, as the planner described it (PLAN.functions[entry]). */
class Target {
  constructor(ctx, spec) {
    this.ctx = ctx;
    this.spec = spec;
    this.entry = spec.entry;
    this.name = spec.name;
    this.params = (spec.params || []).map((p) => new Param(p));
    this.http = spec.http || null;
    this.calls = [];
    // The harness runs the sample with its job folder as the working directory (relative paths resolve there).
    this.jobDir = path.resolve(ctx.workdir, '..', '..');
    this._db = null;
    this._dbPath = null;
    this._noop = null;
    /** The stand-in database handed to the function (pg, mysql-style clients), with the statements it saw. */
    this.standIn = null;
    /** Method calls on the stand-ins given for dependencies (a repository, a mailer): { name, method, args }. */
    this.dependencyCalls = [];
    this._dependencies = {};
    this._adapted = new Set();
  }

  // -- fixtures --
  file(name = 'report.txt', content = 'hello\n') {
    const p = path.isAbsolute(name) ? name : path.join(this.ctx.workdir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  }

  /** A seeded SQLite file in the workdir (the tables the snippet's SQL names). */
  async dbPath() {
    if (this._dbPath === null) {
      this._dbPath = path.join(this.ctx.workdir, 'dg.sqlite3');
      await seedDatabase(this._dbPath, this.spec.sqlTables || {});
    }
    return this._dbPath;
  }

  /** The database the function is given: a real node-sqlite3 Database, or a stand-in that records statements. */
  async database() {
    if (this.spec.database === 'sqlite3' && sqlite3Module()) {
      if (this._db === null) {
        const sqlite3 = sqlite3Module();
        this._db = new sqlite3.Database(await this.dbPath());
      }
      return this._db;
    }
    if (this.standIn === null) {
      const statements = [];
      const record = (sql, line) => { statements.push({ sql: String(sql), line: typeof line === 'number' ? line : null }); };
      // The stand-in lives in the sample's process (its callbacks and promises behave as a driver's would);
      // every statement it is given is reported here, through `record`, as it happens.
      const handle = await this.ctx.handle(`return (${standInDatabase.toString()})(args[0]);`, record);
      this.standIn = { handle, statements };
    }
    return this.standIn.handle;
  }

  /**
   * A stand-in for an object the function calls methods on (a repository, a mailer): every method answers null
   * (a node-style callback gets (null, null)), and each call is reported here with its arguments.
   */
  async dependency(name) {
    if (!this._dependencies[name]) {
      const record = (method, args) => { this.dependencyCalls.push({ name, method: String(method), args: Array.isArray(args) ? args : [] }); };
      this._dependencies[name] = await this.ctx.handle(`return (${standInDependency.toString()})(args[0]);`, record);
    }
    return this._dependencies[name];
  }

  /** What the function produced: its value, and the arguments it passed to its dependencies. */
  produced(outcome) {
    return [outcome.value, ...this.dependencyCalls.map((c) => c.args)];
  }

  /** A function in the sample's process that does nothing (a callback the function under test may call). */
  async noop() {
    if (this._noop === null) this._noop = await this.ctx.handle('return function dgCallback() {};');
    return this._noop;
  }

  /** Writes the benign file the function may read, and seeds the database files the module opens itself. */
  async setup() {
    this.file();
    for (const dir of this.spec.dirs || []) {
      try { this.file(path.resolve(this.jobDir, dir, 'report.txt')); } catch { /* a folder the runner may not create */ }
    }
    for (const file of this.spec.dbFiles || []) {
      try { await seedDatabase(path.resolve(this.jobDir, file), this.spec.sqlTables || {}); } catch { /* not a SQLite file */ }
    }
    if (this.spec.standInDb) {
      // The driver stand-in (node_modules/pg, mysql, mysql2) runs the code's queries on the probe database.
      await this.ctx.prepare('globalThis.__dgStandInDb = args[0]; return true;', await this.dbPath());
    }
    if (this.spec.database === 'sqlite3' || this.spec.standInDb || (this.spec.dbFiles || []).length) {
      // The SQL text the sample hands node-sqlite3, before the engine prepares it: a statement the payload broke
      // (a syntax error the handler answers with a 500) never reaches the engine's trace, but its text shows the splice.
      this._sqlWatched = await this.ctx.prepare(`return (${watchSqlite.toString()})(require);`);
    }
  }

  /** The SQL texts the sample passed to node-sqlite3 since the last look, with their sample lines. */
  async sqlTexts() {
    if (!this._sqlWatched) return [];
    return this.ctx.probe('return globalThis.__dgSqlTexts ? globalThis.__dgSqlTexts.splice(0) : [];');
  }

  // -- parameters --
  param(name) {
    return this.params.find((p) => p.name === name) || null;
  }

  hasRole(...roles) {
    return this.params.some((p) => roles.includes(p.role));
  }

  /** The stand-in a template registered for this parameter (see STAND_INS), or null. */
  async standInFor(p) {
    if (!p || (p.where !== 'arg' && p.where !== 'init')) return null;
    if (!this._standIns) this._standIns = {};
    if (!(p.name in this._standIns)) {
      this._standIns[p.name] = null;
      for (const provider of STAND_INS) {
        const value = await provider(this, p);
        if (value !== null && value !== undefined) { this._standIns[p.name] = value; break; }
      }
    }
    return this._standIns[p.name];
  }

  async benign(p) {
    const role = p.role;
    const name = p.name.toLowerCase();
    const standIn = await this.standInFor(p);
    if (standIn !== null) return standIn;
    const hosts = this.spec.hosts || [];
    const literal = p.where === 'arg' || p.where === 'prop' || p.where === 'json';
    switch (role) {
      case 'connection': case 'cursor': return this.database();
      case 'database-path': return this.dbPath();
      case 'directory': return this.ctx.workdir;
      case 'file-path': return 'report.txt';
      case 'archive': return this.file('empty.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]));
      // A host the code itself names (an allow-list entry) lets benign input pass its checks.
      case 'url': return hosts.length ? `https://${hosts[0]}/index.html` : 'http://127.0.0.1:9/index.html';
      // TEST-NET-1: unroutable without a network, so a ping or a connection to it fails at once.
      case 'host': return hosts.length ? hosts[0] : '192.0.2.1';
      case 'port': return literal ? 8080 : '8080';
      case 'integer': { const v = name.endsWith('id') ? 1 : 8; return literal ? v : String(v); }
      case 'index': return 0;
      case 'length': return 16;
      case 'boolean': return false;
      case 'float': return 1.5;
      // A key-named buffer gets a valid AES-256 key, so code that encrypts with it runs on to what it does.
      case 'bytes': return /(^|_)key$/.test(name) || /Key$/.test(p.name) ? Buffer.from([...Array(32).keys()]) : Buffer.from('hello');
      case 'list': return ['hello'];
      case 'map': return {};
      case 'password': return 'correct horse battery staple';
      case 'salt': return '0123456789abcdef';
      case 'callback': return this.noop();
      case 'date': return new Date('2024-01-02T03:04:05.000Z');
      case 'dependency': return this.dependency(p.name);
      case 'request': case 'response': return undefined;
      default: break;
    }
    if (name === 'signal') return undefined;
    if (/^(socket|sock|stream|duplex|conn_socket)$/.test(name)) {
      return this.ctx.handle("const { PassThrough } = require('stream'); const s = new PassThrough(); s.resume(); return s;");
    }
    // A key-named text input: 32 characters (a valid AES-256 key as UTF-8; it still holds the benign marker).
    if (/^(key|secretkey|enckey|encryptionkey|aeskey|cipherkey|masterkey|datakey)$/.test(name)) return 'hello-dg-aes-key-0123456789abcde';
    if (name.includes('email')) return 'alice@example.com';
    if (name.includes('user') || name.includes('name')) return 'alice';
    if (name.includes('xml')) return '<r>hello</r>';
    if (/expr|formula|calc|equation|math/.test(name)) return '1 + 2';
    if (name.includes('json')) return '{}';
    return 'hello';
  }

  // -- calling --
  /** Calls the function once with benign values for every input the probe does not set. */
  async call(overrides = {}, retries = 4) {
    let outcome;
    for (let i = 0; i <= retries; i++) {
      outcome = await this._callOnce(overrides);
      // A handler may answer a database error itself (500, { error: err.message }): its response names what is missing.
      const problem = outcome.error || (isResponse(outcome.value) && MISSING_SQL.test(outcome.value.body) ? new Error(outcome.value.body) : null);
      if (!(problem && await this._adaptDatabase(problem))) break;
    }
    this.calls.push(outcome);
    return outcome;
  }

  /** Calls the function with positional arguments as they are (a JSDoc example's). */
  async callArgs(args) {
    let outcome;
    try {
      outcome = new Outcome(await this._invoke(this.entry, args));
    } catch (error) {
      if (isHarnessError(error)) throw error;
      outcome = new Outcome(undefined, error);
    }
    this.calls.push(outcome);
    return outcome;
  }

  async _values(overrides) {
    const values = {};
    for (const p of this.params) {
      if (Object.prototype.hasOwnProperty.call(overrides, p.name)) values[p.name] = overrides[p.name];
      else if (p.hasDefault && (p.where === 'arg' || p.where === 'prop') && SIMPLE_ROLES.includes(p.role)) continue;
      else if (p.where === 'arg' && this.params.some((q) => q.where === 'prop' && q.of === p.name)) continue;
      else values[p.name] = await this.benign(p);
    }
    return values;
  }

  /** The positional arguments: a destructured parameter gets an object of its fields. */
  _args(values) {
    const args = [];
    for (const p of this.params) {
      if (p.where !== 'arg') continue;
      const fields = this.params.filter((q) => q.where === 'prop' && q.of === p.name);
      if (fields.length) {
        const object = {};
        for (const q of fields) if (q.name in values) object[q.name] = values[q.name];
        args.push(object);
      } else {
        args.push(values[p.name]);
      }
    }
    // A method's entry builds its instance with the constructor's values, passed after a marker.
    const init = this.params.filter((p) => p.where === 'init');
    if (init.length) args.push('__dg_init__', ...init.map((p) => values[p.name]));
    return args;
  }

  async _callOnce(overrides) {
    const values = await this._values(overrides);
    try {
      const env = {};
      for (const p of this.params) if (p.where === 'env' && p.name in values) env[p.name] = String(values[p.name]);
      if (Object.keys(env).length) await this.ctx.prepare('Object.assign(process.env, args[0]);', env);
      const args = this._args(values);
      if (this.http) {
        // A web handler runs inside a request its framework dispatches (entry_http.js, in the sample's process).
        const via = this.http.kind === 'route' ? this.entry : '__dg_http__';
        return new Outcome(await this._invoke(via, [this.http, this._request(values), ...args]));
      }
      return new Outcome(await this._invoke(this.entry, args));
    } catch (error) {
      if (isHarnessError(error)) throw error;
      return new Outcome(undefined, error);
    }
  }

  _invoke(name, args) {
    if (name === PLAN.entry) return this.ctx.call(...args);
    return this.ctx.function(name)(...args);
  }

  _request(values) {
    const request = { method: this.http.method || 'GET', query: {}, form: {}, json: null, headers: {}, cookies: {}, pathArgs: {} };
    for (const p of this.params) {
      if (!(p.name in values)) continue;
      const value = values[p.name];
      const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (p.where === 'json') request.json = Object.assign(request.json || {}, { [p.name]: value });
      else if (p.where === 'path') request.pathArgs[p.name] = text;
      else if (p.where === 'url') request.path = '/' + encodeURI(text.replace(/^\/+/, ''));
      else if ((p.where === 'query' || p.where === 'form') && value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)
        && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$'))) {
        // An operator object in a query string or form is written in bracket syntax (name[$ne]=), which Express's
        // parsers turn back into an object: an attacker's way of sending one. Other objects go as JSON text.
        for (const [k, v] of Object.entries(value)) request[p.where][`${p.name}[${k}]`] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      } else if (['query', 'form', 'headers', 'cookies'].includes(p.where)) request[p.where][p.name] = text;
    }
    if ((request.json !== null || Object.keys(request.form).length) && request.method === 'GET' && this.http.kind !== 'route') request.method = 'POST';
    return request;
  }

  /** A query naming a table or column the probe database lacks: add it and call again (once per name). */
  async _adaptDatabase(error) {
    const m = MISSING_SQL.exec(errorWords(error));
    const sqlite3 = sqlite3Module();
    if (!m || !sqlite3) return false;
    const files = [...(this._dbPath ? [this._dbPath] : []), ...(this.spec.dbFiles || []).map((f) => path.resolve(this.jobDir, f))];
    if (!files.length || this._adapted.has(m[0])) return false;
    this._adapted.add(m[0]);
    let changed = false;
    for (const file of files) {
      const db = this._db && file === this._dbPath ? this._db : new sqlite3.Database(file);
      try {
        if (m[1] === 'table') {
          const table = m[2].replace(/["`[\]]/g, '').split('.').pop();
          await createTable(db, table, ['id', 'name']);
          changed = true;
        } else {
          const column = (m[2] || m[4]).replace(/["`[\]]/g, '').split('.').pop();
          let tables = m[3] ? [m[3]] : (await sqlAll(db, "SELECT name FROM sqlite_master WHERE type='table'")).map((r) => r.name);
          if (!tables.length) { await createTable(db, 'items', ['id', 'name', column]); changed = true; tables = []; }
          for (const table of tables) {
            const cols = (await sqlAll(db, `PRAGMA table_info("${table}")`)).map((r) => r.name);
            if (cols.includes(column)) continue;
            await sqlRun(db, `ALTER TABLE "${table}" ADD COLUMN "${column}"`);
            await sqlRun(db, `UPDATE "${table}" SET "${column}" = ?`, ['alice']);
            changed = true;
          }
        }
      } catch {
        // not a database this runner can change
      } finally {
        if (db !== this._db) await new Promise((resolve) => db.close(() => resolve()));
      }
    }
    return changed;
  }
}

// -- SQLite fixtures (node-sqlite3, loaded only when a probe needs it) --
let sqlite3Cache;
function sqlite3Module() {
  if (sqlite3Cache === undefined) {
    try { sqlite3Cache = require('sqlite3'); } catch { sqlite3Cache = null; }
  }
  return sqlite3Cache;
}

function sqlRun(db, sql, params = []) {
  return new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
}

function sqlAll(db, sql, params = []) {
  return new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))));
}

async function createTable(db, table, cols) {
  await sqlRun(db, `CREATE TABLE IF NOT EXISTS "${table}" (${cols.map((c) => `"${c}"`).join(', ')})`);
  const have = (await sqlAll(db, `PRAGMA table_info("${table}")`)).map((r) => r.name);
  for (const c of cols) {
    if (!have.includes(c)) await sqlRun(db, `ALTER TABLE "${table}" ADD COLUMN "${c}"`);
  }
  const [{ n }] = await sqlAll(db, `SELECT count(*) AS n FROM "${table}"`);
  if (n > 0) return;
  const all = (await sqlAll(db, `PRAGMA table_info("${table}")`)).map((r) => r.name);
  for (const [i, name] of [[1, 'alice'], [2, 'bob']]) {
    await sqlRun(db, `INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
      all.map((c) => (c === 'id' || c.endsWith('_id') ? i : name)));
  }
}

/** Creates (or completes) the tables the snippet's SQL names in a SQLite file, with two rows each. */
async function seedDatabase(file, tables) {
  const sqlite3 = sqlite3Module();
  if (!sqlite3) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new sqlite3.Database(file);
  try {
    for (const [table, cols] of Object.entries(tables)) {
      if (table.startsWith('sqlite_')) continue;
      try { await createTable(db, table, cols); } catch { /* a name the engine refuses */ }
    }
  } finally {
    await new Promise((resolve) => db.close(() => resolve()));
  }
}

/**
 * A stand-in database client for drivers the sandbox has no server for (pg, mysql, a `db.query` helper). It is
 * built in the sample's process (shipped there as source: it must not use anything outside this function): every
 * statement goes to `record(sql, line)` with the sample line that issued it, and it answers with one row, as a
 * callback or a promise, like the drivers it stands in for.
 */
function standInDatabase(record) {
  const rows = [{ id: 1, name: 'alice', email: 'alice@example.com', username: 'alice' }];
  const lineOf = () => {
    const m = /solution\.m?js:(\d+)/.exec(new Error().stack || '');
    return m ? Number(m[1]) : null;
  };
  const textOf = (sql) => String(sql && typeof sql === 'object' && sql.text !== undefined ? sql.text : sql && typeof sql === 'object' && sql.sql !== undefined ? sql.sql : sql);
  const result = () => Object.assign(rows.map((r) => ({ ...r })), { rows: rows.map((r) => ({ ...r })), rowCount: rows.length, affectedRows: 1, changes: 1, insertId: 1, lastID: 1 });
  const meta = { changes: 1, lastID: 1 };
  const answer = (kind, sql, args) => {
    record(textOf(sql), lineOf());
    const cb = args.find((a) => typeof a === 'function');
    const value = kind === 'get' ? { ...rows[0] } : kind === 'run' ? meta : result();
    if (cb) {
      setImmediate(() => (kind === 'run' ? cb.call(meta, null) : cb(null, value, [])));
      return db;
    }
    return Promise.resolve(value);
  };
  class StandInDatabase {}
  const db = new StandInDatabase();
  for (const m of ['query', 'execute', 'all', 'exec', 'each', 'raw', 'none', 'any', 'many', 'manyOrNone']) db[m] = (sql, ...args) => answer('all', sql, args);
  for (const m of ['get', 'one', 'oneOrNone']) db[m] = (sql, ...args) => answer('get', sql, args);
  db.run = (sql, ...args) => answer('run', sql, args);
  db.prepare = (sql, ...args) => {
    const statement = {
      all: (...a) => { record(textOf(sql), lineOf()); const cb = a.find((x) => typeof x === 'function'); if (cb) { setImmediate(() => cb(null, result())); return statement; } return result(); },
      get: (...a) => { record(textOf(sql), lineOf()); const cb = a.find((x) => typeof x === 'function'); if (cb) { setImmediate(() => cb(null, { ...rows[0] })); return statement; } return { ...rows[0] }; },
      run: (...a) => { record(textOf(sql), lineOf()); const cb = a.find((x) => typeof x === 'function'); if (cb) { setImmediate(() => cb.call(meta, null)); return statement; } return meta; },
      bind: () => statement,
      finalize: (cb) => { if (typeof cb === 'function') setImmediate(cb); },
    };
    const cb = args.find((a) => typeof a === 'function');
    if (cb) setImmediate(() => cb(null));
    return statement;
  };
  const connected = (args) => {
    const cb = args.find((a) => typeof a === 'function');
    if (cb) { setImmediate(() => cb(null, db, () => {})); return undefined; }
    return Promise.resolve(db);
  };
  db.connect = (...args) => connected(args);
  db.getConnection = (...args) => connected(args);
  db.promise = () => db;
  db.release = () => {};
  db.end = (cb) => { if (typeof cb === 'function') setImmediate(cb); return Promise.resolve(); };
  db.close = (cb) => { if (typeof cb === 'function') setImmediate(cb); return Promise.resolve(); };
  db.serialize = (fn) => { if (typeof fn === 'function') fn(); return db; };
  db.parallelize = db.serialize;
  db.transaction = (fn) => (...a) => fn(...a);
  db.on = () => db;
  db.escape = (v) => `'${String(v).replace(/'/g, "''")}'`;
  return db;
}

/**
 * Records the SQL text of every node-sqlite3 call in the sample's process (shipped there as source, like
 * standInDatabase), in globalThis.__dgSqlTexts, with the sample line that made it. Cleared at each test's start.
 */
function watchSqlite(load) {
  let sqlite3;
  try { sqlite3 = load('sqlite3'); } catch (e) { return false; }
  const g = globalThis;
  g.__dgSqlTexts = [];
  const proto = sqlite3.Database && sqlite3.Database.prototype;
  if (!proto) return false;
  if (proto.__dgWatched) return true;
  for (const n of ['run', 'get', 'all', 'each', 'exec', 'prepare', 'map']) {
    const original = proto[n];
    if (typeof original !== 'function') continue;
    proto[n] = function (sql, ...rest) {
      try {
        const m = /solution\.m?js:(\d+)/.exec(new Error().stack || '');
        if (typeof sql === 'string' && g.__dgSqlTexts.length < 200) g.__dgSqlTexts.push({ sql, line: m ? Number(m[1]) : null });
      } catch (e) { /* never in the way of the sample */ }
      return original.call(this, sql, ...rest);
    };
  }
  Object.defineProperty(proto, '__dgWatched', { value: true });
  return true;
}

/**
 * Whether some occurrence of the payload lies, even in part, outside a single-quoted SQL string literal ('' is an
 * escaped quote; a -- comment is not a literal): a value bound or escaped stays inside one, a spliced one escapes it.
 */
function sqlOutsideLiterals(statement, payload) {
  if (!statement || !payload) return false;
  const inside = new Array(statement.length).fill(false);
  for (let i = 0; i < statement.length;) {
    if (statement[i] === "'") {
      const start = i++;
      while (i < statement.length) {
        if (statement[i] === "'") {
          if (statement[i + 1] === "'") { i += 2; continue; }
          break;
        }
        i++;
      }
      const end = Math.min(i, statement.length - 1);
      for (let k = start; k <= end; k++) inside[k] = true;
      i = end + 1;
    } else if (statement[i] === '-' && statement[i + 1] === '-') {
      i += 2;
      while (i < statement.length && statement[i] !== '\n') i++;
    } else {
      i++;
    }
  }
  for (let at = statement.indexOf(payload); at >= 0; at = statement.indexOf(payload, at + 1)) {
    for (let i = at; i < at + payload.length; i++) if (!inside[i]) return true;
  }
  return false;
}

/**
 * A stand-in for a dependency (built in the sample's process, like standInDatabase): any method call is reported
 * to `record(method, args)` and answers null; a node-style callback argument is called back with (null, null).
 */
function standInDependency(record) {
  const method = (key) => (...args) => {
    record(key, args.filter((a) => typeof a !== 'function'));
    const cb = args.find((a) => typeof a === 'function');
    if (cb) setImmediate(() => cb(null, null));
    return null;
  };
  class StandInDependency {}
  return new Proxy(new StandInDependency(), {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON' || key === 'constructor' || key === 'inspect') return undefined;
      return method(String(key));
    },
  });
}

class Probe {
  constructor(spec) {
    this.id = spec.id;
    this.input = spec.input === undefined ? null : spec.input;
    this.payload = spec.payload === undefined ? null : spec.payload;
    this.hits = spec.hits || [];
    this.args = spec.args || {};
    /** The payload as the descriptor writes it; `payload` may be a mutation of it. */
    this.original = this.payload;
    this.mutation = null;
  }

  uses(...words) {
    return this.hits.some((h) => words.some((w) => h.includes(w)));
  }
}

/** A probe's own evidence of a vulnerability. */
function finding(message) {
  throw new assert.AssertionError({ message: String(message) });
}

// -- result inspection (what the function returned, as text a user would see) --
function isResponse(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'status' in v && 'body' in v && Array.isArray(v.headers);
}

/** The text of a value: strings as they are, the string leaves of objects and arrays, a response's body. */
function textOf(value) {
  const out = [];
  const walk = (v, depth) => {
    if (v === undefined || v === null || depth > 8) return;
    if (typeof v === 'string') out.push(v);
    else if (Buffer.isBuffer(v) || v instanceof Uint8Array) out.push(Buffer.from(v).toString('utf8'));
    else if (isResponse(v)) { walk(v.body, depth + 1); walk(v.value, depth + 1); }
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v instanceof Map) [...v.values()].forEach((x) => walk(x, depth + 1));
    else if (typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
    else out.push(String(v));
  };
  walk(value, 0);
  return out.join(' ');
}

function headersOf(value) {
  if (isResponse(value)) return value.headers.map(([k, v]) => [String(k), String(v)]);
  if (value instanceof Map) return [...value.entries()].filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [String(k), String(v)]);
  if (Array.isArray(value)) {
    const object = value.find((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    return object ? headersOf(object) : [];
  }
  if (value !== null && typeof value === 'object') {
    const headers = value.headers !== null && typeof value.headers === 'object' && !Array.isArray(value.headers) ? value.headers : value;
    return Object.entries(headers).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [String(k), String(v)]);
  }
  return [];
}

/** Where a value sends the user: a Location header, a returned { url } or { redirect }, or a returned string. */
function redirectTarget(value) {
  for (const [k, v] of headersOf(value)) if (k.toLowerCase() === 'location') return v;
  if (isResponse(value)) return '';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) value = value.url || value.redirect || value.location || value.redirectTo || '';
  if (Array.isArray(value)) value = value.find((v) => typeof v === 'string') || '';
  return typeof value === 'string' ? value : '';
}

function external(target) {
  const t = String(target || '').trim().replace(/\\/g, '/');
  return t.split('?')[0].includes('evil.example') && !t.startsWith('/evil');
}

function sameValue(a, b) {
  if (util.isDeepStrictEqual(a, b)) return true;
  return textOf(a) === textOf(b);
}

// -- literals (a JSDoc example is parsed, never evaluated: the runner runs no text taken from the sample) --
/** Parses one JavaScript literal (string, number, boolean, null, undefined, array, object); throws when it is not one. */
function literal(text) {
  const [value, end] = parseLiteral(String(text), skipSpace(String(text), 0));
  if (skipSpace(text, end) !== text.length) throw new SyntaxError('not a literal');
  return value;
}

function skipSpace(s, i) {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
}

function parseLiteral(s, i) {
  const c = s[i];
  if (c === '"' || c === "'" || c === '`') {
    let out = '';
    for (let j = i + 1; j < s.length; j++) {
      const d = s[j];
      if (d === c) return [out, j + 1];
      if (c === '`' && d === '$' && s[j + 1] === '{') throw new SyntaxError('a template with substitutions');
      if (d === '\\') {
        const e = s[++j];
        const simple = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
        if (e in simple) out += simple[e];
        else if (e === 'x') { out += String.fromCharCode(parseInt(s.slice(j + 1, j + 3), 16)); j += 2; }
        else if (e === 'u' && s[j + 1] === '{') { const k = s.indexOf('}', j); out += String.fromCodePoint(parseInt(s.slice(j + 2, k), 16)); j = k; }
        else if (e === 'u') { out += String.fromCharCode(parseInt(s.slice(j + 1, j + 5), 16)); j += 4; }
        else out += e;
      } else {
        out += d;
      }
    }
    throw new SyntaxError('an unterminated string');
  }
  if (c === '[') {
    const out = [];
    let j = skipSpace(s, i + 1);
    while (s[j] !== ']') {
      const [v, k] = parseLiteral(s, j);
      out.push(v);
      j = skipSpace(s, k);
      if (s[j] === ',') j = skipSpace(s, j + 1);
      else if (s[j] !== ']') throw new SyntaxError('an array');
    }
    return [out, j + 1];
  }
  if (c === '{') {
    const out = {};
    let j = skipSpace(s, i + 1);
    while (s[j] !== '}') {
      let key;
      if (s[j] === '"' || s[j] === "'") [key, j] = parseLiteral(s, j);
      else {
        const m = /^[A-Za-z_$][\w$]*|^\d+/.exec(s.slice(j));
        if (!m) throw new SyntaxError('an object key');
        key = m[0];
        j += m[0].length;
      }
      j = skipSpace(s, j);
      if (s[j] !== ':') throw new SyntaxError('an object');
      const [v, k] = parseLiteral(s, skipSpace(s, j + 1));
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      j = skipSpace(s, k);
      if (s[j] === ',') j = skipSpace(s, j + 1);
      else if (s[j] !== '}') throw new SyntaxError('an object');
    }
    return [out, j + 1];
  }
  const m = /^(?:-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)n?|true|false|null|undefined|NaN|-?Infinity)(?![\w$])/.exec(s.slice(i));
  if (!m) throw new SyntaxError('not a literal');
  const w = m[0];
  const words = { true: true, false: false, null: null, undefined, NaN, Infinity, '-Infinity': -Infinity };
  if (w in words) return [words[w], i + w.length];
  if (w.endsWith('n')) return [BigInt(w.slice(0, -1)), i + w.length];
  return [Number(w), i + w.length];
}

/** The arguments of `name(<literals>)`, or null when the example is not a plain call with literal arguments. */
function literalCall(expression, name) {
  const s = String(expression).trim();
  if (!s.startsWith(name + '(') || !s.endsWith(')')) return null;
  try {
    return literal('[' + s.slice(name.length + 1, -1) + ']');
  } catch {
    return null;
  }
}

// -- functional probes, shared by every template --
/** Benign inputs: fails only on programming errors. Evidence level: smoke run (behaviour not checked). */
async function smoke(ctx, t, p) {
  const r = await t.call();
  const e = r.error;
  // Network failures surface as TypeError('fetch failed') with a cause: the environment, not the code.
  if (e && PROGRAMMING_ERRORS.includes(e.name) && !e.cause && !e.code && setupError(e) === null) {
    finding(`fails on benign input: ${e.name}: ${e.message}`);
  }
}

/** One of the snippet's own examples (a JSDoc @example): a literal call and its expected value. */
async function example(ctx, t, p) {
  const args = literalCall(p.args.expression, t.name);
  let expected;
  try {
    expected = literal(p.args.expected);
  } catch {
    expected = undefined;
  }
  if (args === null || (expected === undefined && p.args.expected.trim() !== 'undefined')) {
    ctx.notJudged(`the example ${p.args.expression} // => ${p.args.expected} is not a call of ${t.name} with literal arguments and a literal result`);
  }
  const r = await t.callArgs(args);
  if (r.error) {
    if (setupError(r.error)) return;
    finding(`${p.args.expression} threw ${r.error.name}: ${r.error.message}; expected ${p.args.expected}`);
  }
  if (!util.isDeepStrictEqual(r.value, expected)) finding(`${p.args.expression}: expected ${p.args.expected}, got ${util.inspect(r.value)}`);
}

const PROBES = { smoke, example };

/** Defines one test per entry of the plan, bound to its probe function. */
function register(target, probes, plan) {
  PLAN = plan;
  for (const spec of PLAN.tests) {
    const probe = probes[spec.probe];
    if (typeof probe !== 'function') throw new Error(`the plan names a probe ${spec.probe} that no probe file defines`);
    target[spec.id] = async (ctx) => {
      const t = new Target(ctx, PLAN.functions[spec.function]);
      const p = new Probe(spec);
      await t.setup();
      await probe(ctx, t, p);
      // The payload as written found nothing: its mutations (encodings, case, nesting, other separators) next, so
      // that a blacklist filter does not pass by luck.
      for (const mutation of spec.mutations || []) {
        p.payload = mutation.payload;
        p.mutation = mutation.kind;
        try {
          await probe(ctx, t, p);
        } catch (error) {
          if (error instanceof assert.AssertionError) finding(`${error.message} (payload mutated, ${mutation.kind}: ${JSON.stringify(mutation.payload)})`);
          throw error;
        }
      }
      const reasons = t.calls.map((c) => setupError(c.error, Boolean(spec.network)));
      if (t.calls.length && reasons.every(Boolean)) {
        // No call ran the code under test: whatever the probe concluded rests on nothing.
        ctx.notJudged('every call raised a setup error: ' + reasons[reasons.length - 1]);
      }
    };
  }
}

module.exports = {};
