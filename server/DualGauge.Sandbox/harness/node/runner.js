'use strict';
// The JavaScript test runner: the supervisor's side for JavaScript. It runs from a copy of node that
// uid 65534 may execute but not read, so the kernel makes it non-dumpable (no ptrace, no /proc/<pid>/mem
// or fd access for the sample). tests.js arrives on stdin and is compiled from memory, never written
// where the sample could read it. Every request to the candidate goes through the Python supervisor
// (node/run.py), which relays it, enforces the deadline and keeps the trace:
// One socket (its fd is argv[2]), JSON lines both ways:
//   in:  {"op":"init"|"run"}, {"c": message from the candidate}, {"gone": why}
//   out: {"c": message for the candidate}, {"call": event}, {"done": result}, {"ready": true}

const fs = require('fs');
const path = require('path');
const Module = require('module');
const assert = require('assert/strict');
const util = require('util');
const crypto = require('crypto');
const wire = require('./wire');

const channelFd = Number(process.argv[2]);
const channel = new wire.LineChannel(fs, channelFd, channelFd);

class CandidateGone extends Error {}
/** Thrown by ctx.notJudged(reason): the test ends "not judged", neither passed nor failed. */
class NotJudged extends Error {}

const oneLine = (s, cap = 500) => {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length <= cap ? t : t.slice(0, cap - 3) + '...';
};

function shortRepr(v) {
  let s;
  try {
    if (typeof v === 'string') s = JSON.stringify(v);
    else if (typeof v === 'function') s = `[Function ${v.name || 'anonymous'}]`;
    else if (v === undefined) s = 'undefined';
    else if (typeof v === 'bigint') s = `${v}n`;
    else s = util.inspect(v, { depth: 2, breakLength: Infinity, maxArrayLength: 8, maxStringLength: 120 });
  } catch {
    s = `<unrepresentable ${typeof v}>`;
  }
  return s.length > 240 ? s.slice(0, 237) + '...' : s;
}

function errorText(e) {
  if (e && typeof e === 'object') return `${e.name || 'Error'}: ${e.message}`;
  return `Thrown: ${String(e)}`;
}

let job = null;
let tests = null;

function sqliteModule() {
  try { return require('sqlite3'); } catch { return null; }
}

function run(db, sql, params = []) {
  return new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
}

function all(db, sql, params = []) {
  return new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))));
}

function exec(db, sql) {
  return new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
}

// A database crosses as a file the candidate opens; afterwards this side reloads what the file holds,
// so the tests inspect the state the sample left, in the object they made.
async function reloadFrom(db, file) {
  await run(db, 'ATTACH DATABASE ? AS dg_in', [file]);
  try {
    const mine = await all(db, "SELECT type, name FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('table','view')");
    await exec(db, 'PRAGMA foreign_keys = OFF');
    for (const o of mine) await exec(db, `DROP ${o.type.toUpperCase()} IF EXISTS main."${o.name.replace(/"/g, '""')}"`);
    const theirs = await all(db, "SELECT type, name, sql FROM dg_in.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END");
    for (const o of theirs) {
      await exec(db, o.sql);
      if (o.type === 'table') await exec(db, `INSERT INTO main."${o.name.replace(/"/g, '""')}" SELECT * FROM dg_in."${o.name.replace(/"/g, '""')}"`);
    }
  } finally {
    await run(db, 'DETACH DATABASE dg_in');
  }
}

function makeContext(test) {
  let next = 0;
  const callbacks = new Map();
  const dbIds = new Map();
  let dbFiles = 0;
  const sqlite3 = sqliteModule();

  const handleHooks = {
    fn: (f, owner) => {
      if (f[REMOTE]) return { $ref: f[REMOTE] };
      const k = callbacks.size + 1;
      callbacks.set(k, { f, owner });
      return { $cb: k };
    },
    special: (v) => (v && v[REMOTE] ? { $ref: v[REMOTE] } : undefined),
  };

  function request(op, fields) {
    const id = ++next;
    channel.send({ c: { id, op, ...fields } });
    for (;;) {
      const msg = channel.recv();
      if (msg === null) throw new CandidateGone('the supervisor closed the channel');
      if (msg.gone) throw new CandidateGone(msg.gone);
      const m = msg.c;
      if (!m) continue;
      if (m.op === 'callback') { serveCallback(m); continue; }
      if (m.re !== id) throw new CandidateGone(`protocol: an answer to a request never made`);
      return m;
    }
  }

  function serveCallback(m) {
    const cb = callbacks.get(m.cb);
    let reply;
    try {
      if (!cb) throw new Error('no such callback');
      const value = Reflect.apply(cb.f, cb.owner, wire.decode(m.args || [], decodeHooks));
      reply = { re: m.id, ok: true, value: wire.encode(value, handleHooks) };
    } catch (e) {
      reply = { re: m.id, ok: false, error: wire.errorInfo(e) };
    }
    channel.send({ c: reply });
  }

  const REMOTE_OF = new WeakMap();
  function remote(w) {
    // A handle on an object that stayed in the candidate's process: property reads and calls are requests.
    const target = w.callable ? function () {} : {};
    const proxy = new Proxy(target, {
      get(_t, key) {
        if (key === REMOTE) return w.$ref;
        if (key === util.inspect.custom) return () => w.repr || `[remote ${w.type}]`;
        if (key === 'then' || typeof key === 'symbol') return undefined;
        const r = value(request('getattr', { ref: w.$ref, name: String(key) }));
        if (r && typeof r === 'object' && r.$method) {
          return (...args) => invokeSync(`${w.type}.${String(key)}`, 'method', { ref: w.$ref, name: String(key) }, args);
        }
        return r;
      },
      set(_t, key, v) { value(request('setattr', { ref: w.$ref, name: String(key), value: wire.encode(v, handleHooks) })); return true; },
      apply(_t, _self, args) { return invokeSync(w.type, 'callref', { ref: w.$ref }, args); },
      ownKeys() { return value(request('keys', { ref: w.$ref })).concat(w.callable ? ['prototype'] : []); },
      getOwnPropertyDescriptor(_t, key) { return key === 'prototype' && w.callable ? Reflect.getOwnPropertyDescriptor(target, key) : { enumerable: true, configurable: true, writable: true, value: undefined }; },
    });
    REMOTE_OF.set(proxy, w.$ref);
    return proxy;
  }
  const decodeHooks = { ref: remote, cb: () => { throw new wire.WireError('a callback from the sample cannot cross'); } };

  function value(reply) {
    if (reply.ok === true) {
      if (reply.value && typeof reply.value === 'object' && '$method' in reply.value) return reply.value;
      return wire.decode(reply.value, decodeHooks);
    }
    if (reply.ok === false && reply.error) throw wire.rebuildError(reply.error);
    throw new CandidateGone('protocol: a malformed answer');
  }

  async function encodeArgs(args) {
    const files = [];
    const hooks = {
      ...handleHooks,
      special: (v) => {
        if (v && v[REMOTE]) return { $ref: v[REMOTE] };
        if (sqlite3 && v instanceof sqlite3.Database) return { $sqlite: dbIds.get(v), path: files.find((f) => f.db === v).file };
        return undefined;
      },
    };
    for (const a of args) {
      if (sqlite3 && a instanceof sqlite3.Database) {
        if (!dbIds.has(a)) dbIds.set(a, dbIds.size + 1);
        const file = path.join(job.jobDir, 'db', `${test}-${dbIds.get(a)}-${++dbFiles}.sqlite`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await run(a, 'VACUUM INTO ?', [file]);
        files.push({ db: a, file });
      }
    }
    return { wired: wire.encode(args, hooks), files };
  }

  // Merges a fresh copy into an existing object or array in place, so references the test holds to
  // nested objects see the change too.
  function mergeInto(target, fresh) {
    if (Array.isArray(target) && Array.isArray(fresh)) {
      const keep = target.slice();
      target.length = 0;
      fresh.forEach((v, i) => target.push(isMergeable(keep[i], v) ? mergeInto(keep[i], v) : v));
      return target;
    }
    if (target instanceof Map && fresh instanceof Map) {
      const keep = new Map(target);
      target.clear();
      for (const [k, v] of fresh) target.set(k, isMergeable(keep.get(k), v) ? mergeInto(keep.get(k), v) : v);
      return target;
    }
    for (const k of Object.keys(target)) if (!(k in fresh) && typeof target[k] !== 'function') delete target[k];
    for (const k of Object.keys(fresh)) {
      if (typeof target[k] === 'function') continue; // the test's own callbacks stay as they are
      target[k] = isMergeable(target[k], fresh[k]) ? mergeInto(target[k], fresh[k]) : fresh[k];
    }
    return target;
  }
  function isMergeable(a, b) {
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    return (Array.isArray(a) && Array.isArray(b)) || (a instanceof Map && b instanceof Map) || (wire.isPlain(a) && wire.isPlain(b));
  }

  // Applies what the sample changed in the plain objects, arrays and Maps it was given.
  function copyBack(args, back) {
    if (!Array.isArray(back)) return;
    args.forEach((a, i) => {
      const d = back[i];
      if (!d || a === null || typeof a !== 'object' || a[REMOTE]) return; // a handle: the object lives over there
      if (d.whole) { const fresh = wire.decode(d.whole, decodeHooks); if (isMergeable(a, fresh)) mergeInto(a, fresh); return; }
      if (!wire.isPlain(a)) return;
      for (const [k, v] of d.set || []) {
        if (typeof a[k] === 'function') continue; // the test's own callbacks stay as they are
        const fresh = wire.decode(v, decodeHooks);
        a[k] = isMergeable(a[k], fresh) ? mergeInto(a[k], fresh) : fresh;
      }
      for (const k of d.removed || []) delete a[k];
    });
  }

  async function invoke(name, op, fields, args) {
    const shown = args.map(shortRepr);
    const start = performance.now();
    const { wired, files } = await encodeArgs(args);
    let reply;
    try {
      reply = request(op, { ...fields, args: wired });
    } catch (e) {
      channel.send({ call: { function: name, args: shown, error: { type: 'Interrupted', message: 'the call did not return' }, ms: Math.round((performance.now() - start) * 1000) / 1000 } });
      throw e;
    }
    const ms = Math.round((performance.now() - start) * 1000) / 1000;
    for (const f of files) await reloadFrom(f.db, f.file);
    return finishCall(name, shown, ms, reply, args);
  }

  // What every call does with its answer: the sample's changes copied back, the call event, the first
  // canary (a monitor switched off at once; finish() checks for one left off), then the value or error.
  function finishCall(name, shown, ms, reply, args) {
    ctx.lastCpuMs = typeof reply.cpu === 'number' ? reply.cpu : undefined;
    if (reply.ok) copyBack(args, reply.args);
    let result; let error;
    try { result = value(reply); } catch (e) { error = e; }
    if (error) channel.send({ call: { function: name, args: shown, error: { type: (error && error.name) || typeof error, message: oneLine(error && error.message, 2000) }, ms } });
    else channel.send({ call: { function: name, args: shown, result: shortRepr(result), ms, cpu_ms: ctx.lastCpuMs } });
    if (!canaried) { canaried = true; canary(); }
    if (error) throw error;
    return result;
  }

  // A call on a handle (a function or object the sample returned) answers synchronously, as the real
  // one would have in one process: f(4), not await f(4). (Databases do not cross on this path.)
  function invokeSync(name, op, fields, args) {
    const shown = args.map(shortRepr);
    const start = performance.now();
    const reply = request(op, { ...fields, args: wire.encode(args, handleHooks) });
    return finishCall(name, shown, Math.round((performance.now() - start) * 1000) / 1000, reply, args);
  }

  let canaried = false;
  function canary() {
    const nonce = crypto.randomBytes(8).toString('hex');
    const r = request('canary', { nonce, expectSql: dbIds.size });
    if (!r.ok) throw new CandidateGone('protocol: the canary failed');
  }

  const entry = job.entryPoint;
  const ctx = {
    // CPU time of the sample's process during the last call, measured by the supervisor from /proc.
    lastCpuMs: undefined,
    workdir: job.workdir,
    fixtures: job.fixtures,
    assert,
    notJudged: (reason) => { throw new NotJudged(String(reason)); },
    solution: remote({ $ref: 0, type: 'module', repr: '[module solution]' }),
    call: (...args) => invoke(entry, 'call', { fn: entry }, args),
    attempt: async (...args) => {
      try { return { value: await invoke(entry, 'call', { fn: entry }, args), error: null }; } catch (e) {
        if (e instanceof CandidateGone) throw e;
        return { value: undefined, error: e };
      }
    },
    function: (name) => {
      if (!value(request('has', { fn: name }))) throw new Error(`the solution defines no function ${name}`);
      return (...args) => invoke(name, 'call', { fn: name }, args);
    },
    // Trusted set-up and inspection code that must run where the sample runs (its clock, its
    // Object.prototype, a request stream it reads): `source` is an async function body with
    // `require`, `solution` and `args` in scope; what it returns crosses back as data or a handle.
    prepare: (source, ...args) => value(request('prepare', { source, args: wire.encode(args, handleHooks) })),
    probe: (source, ...args) => value(request('prepare', { source, args: wire.encode(args, handleHooks) })),
    // Like probe, but what the code returns stays in the sample's process and comes back as a handle.
    handle: (source, ...args) => value(request('prepare', { source, args: wire.encode(args, handleHooks), handle: true })),
    finish: () => { if (next > 0) canary(); },
  };
  return ctx;
}
const REMOTE = Symbol('dualgauge.remote');

// Test code that leaves a promise rejected or throws from a callback must not take the runner down with
// it: the test in progress fails with that error, and the next test runs.
let stray = null;
process.on('unhandledRejection', (e) => { stray = stray || e; });
process.on('uncaughtException', (e) => { stray = stray || e; });

async function main() {
  channel.send({ ready: true, node: process.version });
  for (;;) {
    const msg = channel.recv();
    if (msg === null) break;
    if (msg.op === 'init') {
      job = msg;
      try {
        const m = new Module(path.join(job.jobDir, 'tests.js'), null);
        m.filename = m.id;
        m.paths = Module._nodeModulePaths(job.jobDir);
        m._compile(msg.tests, m.filename);
        tests = m.exports;
        channel.send({ inited: true });
      } catch (e) {
        channel.send({ inited: false, error: oneLine(`tests.js: ${errorText(e)}`), diagnostics: String((e && e.stack) || e).slice(0, 8192) });
      }
    } else if (msg.op === 'run') {
      job.workdir = msg.workdir;
      const fn = tests && tests[msg.test];
      if (typeof fn !== 'function') { channel.send({ done: { status: 'fail', message: `tests.js exports no function ${msg.test}` } }); continue; }
      let status = 'pass'; let message = '';
      stray = null;
      const ctx = makeContext(msg.test);
      try {
        try {
          await fn(ctx);
        } finally {
          try { ctx.finish(); } catch { /* the test's own outcome stands */ }
        }
      } catch (e) {
        status = e instanceof CandidateGone ? 'gone' : e instanceof NotJudged ? 'not_judged' : 'fail';
        message = e && e.code === 'ERR_ASSERTION' ? oneLine(e.message, 2000) : oneLine(errorText(e), 2000);
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (status === 'pass' && stray) { status = 'fail'; message = oneLine(`the test left an error unhandled: ${errorText(stray)}`, 2000); }
      channel.send({ done: { status, message } });
    }
  }
}

main().catch((e) => { try { channel.send({ fatal: String((e && e.stack) || e) }); } catch { } try { fs.writeSync(2, String((e && e.stack) || e) + '\n'); } catch { } process.exit(70); });
