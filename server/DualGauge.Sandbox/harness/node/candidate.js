'use strict';
// The candidate's side of the JavaScript harness: runs in the sample's own process, started by
// dg-launch under the syscall filter. It holds no tests, no expected values and no trace channel;
// what it says (return values, errors, the SQL it saw) is evidence the supervisor weighs.
//
//   node candidate.js IN_FD OUT_FD SAMPLE_PATH ENTRY
//
// Requests arrive as JSON lines on IN_FD; replies ({re}) and monitor events ({ev}) leave on OUT_FD.
// Each test loads the sample afresh (a new module instance), so module state never leaks between tests.

const fs = require('fs');
const path = require('path');
const Module = require('module');
const { pathToFileURL } = require('url');
const util = require('util');
const wire = require('./wire');
const monitor = require('./monitor');

const [inFd, outFd] = [Number(process.argv[2]), Number(process.argv[3])];
const samplePath = process.argv[4];
const entryPoint = process.argv[5];
const channel = new wire.LineChannel(fs, inFd, outFd);
const { state } = monitor;

// Output reaches the supervisor's pipes synchronously, in order, even from a test that never returns.
for (const [stream, fd] of [['stdout', 1], ['stderr', 2]]) {
  process[stream].write = function (chunk, encoding, cb) {
    try { fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk)); } catch { }
    if (typeof encoding === 'function') encoding(); else if (typeof cb === 'function') cb();
    return true;
  };
}

const mjsBase = samplePath.replace(/\.[cm]?js$/, '');
monitor.install([samplePath, pathToFileURL(mjsBase + '.mjs').href], (ev, fields) => channel.send({ ...fields, ev }));

const IDENT = /^[A-Za-z_$][\w$]*$/;
let loads = 0;

function isEsmSyntaxError(e) {
  return e instanceof SyntaxError && /Cannot use import statement|Unexpected token 'export'|import\.meta|await is only valid in async functions and the top level bodies of modules/.test(e.message);
}

function findEntry(exported, name) {
  if (exported == null) return undefined;
  if (typeof exported === 'function' && exported.name === name) return exported;
  const direct = exported[name];
  if (typeof direct === 'function') return direct;
  if (typeof exported.__dg_entry === 'function') return exported.__dg_entry;
  if (typeof exported === 'function') return exported;
  const def = exported.default;
  if (def && typeof def[name] === 'function') return def[name];
  if (typeof def === 'function') return def;
  return undefined;
}

function linkSystemModules(dir) {
  const target = path.join(dir, 'node_modules');
  if (fs.existsSync(target)) return;
  fs.mkdirSync(target);
  for (const root of Module.globalPaths || []) {
    let names;
    try { names = fs.readdirSync(root); } catch { continue; }
    for (const n of names) {
      try { fs.symlinkSync(path.join(root, n), path.join(target, n)); } catch { }
    }
  }
}

const source = fs.readFileSync(samplePath, 'utf8');
let esm = null;   // set once the sample is known to be an ES module

async function loadSample() {
  loads++;
  const canName = IDENT.test(entryPoint);
  if (esm === null || esm === false) {
    const trailer = canName
      ? `\n;try{if(typeof ${entryPoint}==='function'&&module.exports&&typeof module.exports==='object'&&typeof module.exports.${entryPoint}!=='function')Object.defineProperty(module.exports,'__dg_entry',{value:${entryPoint}})}catch(_dg){}\n`
      : '\n';
    const m = new Module(samplePath, null);
    m.filename = samplePath;
    m.paths = Module._nodeModulePaths(path.dirname(samplePath));
    try {
      m._compile(source + trailer, samplePath);
      m.loaded = true;
      esm = false;
      return m.exports;
    } catch (e) {
      if (!isEsmSyntaxError(e)) throw e;
    }
  }
  esm = true;
  const file = mjsBase + '.mjs';
  if (!fs.existsSync(file)) {
    const trailer = canName ? `\nexport const __dg_entry = (typeof ${entryPoint} === 'function') ? ${entryPoint} : undefined;\n` : '\n';
    fs.writeFileSync(file, source + trailer);
    linkSystemModules(path.dirname(samplePath));
  }
  return await import(pathToFileURL(file).href + `?load=${loads}`);
}

const handles = new Map();
const handleOf = new Map();
let solution = null;
let entryFn = null;
const dbs = new Map();        // supervisor db id -> Database opened here on the fixture file

function ref(obj) {
  let h = handleOf.get(obj);
  if (h === undefined) {
    h = handles.size + 1;
    handles.set(h, obj);
    handleOf.set(obj, h);
  }
  let shown;
  try { shown = util.inspect(obj, { depth: 1, breakLength: Infinity, maxArrayLength: 8, maxStringLength: 120 }); } catch { shown = '<object>'; }
  const ctor = (() => { try { return obj && obj.constructor && obj.constructor.name; } catch { return undefined; } })();
  return { $ref: h, type: typeof ctor === 'string' ? ctor : typeof obj, repr: String(shown).slice(0, 400), callable: typeof obj === 'function' };
}

let nextCb = 0;
function callbackStub(w) {
  const number = w.$cb;
  return function supervisorCallback(...args) {
    const rid = `c${++nextCb}`;
    channel.send({ id: rid, op: 'callback', cb: number, args: wire.encode(args, outHooks), self: undefined });
    for (;;) {
      const msg = channel.recv();
      if (msg === null) process.exit(0);
      if (msg.re === rid) {
        if (msg.ok) return wire.decode(msg.value, inHooks);
        throw wire.rebuildError((msg.error && msg.error.$err) || msg.error || {});
      }
      channel.send({ re: msg.id, ok: false, error: wire.errorInfo(new Error('a request during a callback is not supported')) });
    }
  };
}

let touched = new Set();
function openDb(w) {
  const sqlite3 = require('sqlite3');
  let db = dbs.get(w.$sqlite);
  if (!db) {
    db = new sqlite3.Database(w.path);
    dbs.set(w.$sqlite, db);
  }
  touched.add(db);
  return db;
}

const outHooks = { fn: (f) => ref(f), ref };
const inHooks = { ref: (w) => { if (!handles.has(w.$ref)) throw new wire.WireError(`no object with handle ${w.$ref}`); return handles.get(w.$ref); }, cb: callbackStub, sqlite: openDb };

async function settle(value) {
  if (value && typeof value.then === 'function') value = await value;
  // Work the call queued (a callback, a write) runs before its answer leaves.
  await new Promise((resolve) => setImmediate(resolve));
  return value;
}

async function drainDbs() {
  // The harness's own statement: waits for the sample's queued statements, and is not the sample's.
  state.depth++;
  try {
    for (const db of touched) await new Promise((resolve) => { try { db.get('SELECT 1 AS dg_drain', () => resolve()); } catch { resolve(); } });
  } finally {
    state.depth--;
  }
}

// What the sample changed in a plain object or array it was given: the keys whose value differs from
// what arrived (changes the tests made meanwhile through callbacks must not be undone).
function snapshot(a) {
  if (a === null || typeof a !== 'object') return null;
  if (a instanceof Map || a instanceof Set) {
    try { return { whole: JSON.stringify(wire.encode(a, outHooks)) }; } catch { return null; }
  }
  if (!(Array.isArray(a) || wire.isPlain(a))) return null;
  const keys = {};
  for (const k of Object.keys(a)) {
    try { keys[k] = JSON.stringify(wire.encode(a[k], outHooks)); } catch { keys[k] = null; }
  }
  return { array: Array.isArray(a), keys };
}

function changes(a, before) {
  if (!before) return null;
  const after = snapshot(a);
  if (!after) return null;
  if ('whole' in before) return after.whole === before.whole ? null : { whole: wire.encode(a, outHooks) };
  if (after.array) return JSON.stringify(after.keys) === JSON.stringify(before.keys) ? null : { whole: wire.encode(a, outHooks) };
  const set = []; const removed = [];
  for (const [k, v] of Object.entries(after.keys)) if (before.keys[k] !== v) set.push([k, wire.encode(a[k], outHooks)]);
  for (const k of Object.keys(before.keys)) if (!(k in after.keys)) removed.push(k);
  return set.length || removed.length ? { set, removed } : null;
}

async function invoke(fn, self, msg) {
  const args = wire.decode(msg.args || [], inHooks);
  const before = args.map(snapshot);
  const value = await settle(Reflect.apply(fn, self, args));
  await drainDbs();
  return { value: wire.encode(value, outHooks), args: args.map((a, i) => changes(a, before[i])) };
}

async function handle(msg) {
  switch (msg.op) {
    case 'load': {
      solution = await loadSample();
      entryFn = findEntry(solution, entryPoint);
      if (typeof entryFn !== 'function') throw new wire.WireError(`entry point ${entryPoint} not found`);
      return { value: true };
    }
    case 'call': {
      const fn = msg.fn === entryPoint ? entryFn : solution && (typeof solution[msg.fn] === 'function' ? solution[msg.fn] : solution.default && solution.default[msg.fn]);
      if (typeof fn !== 'function') throw new Error(`the solution defines no function ${msg.fn}`);
      return invoke(fn, undefined, msg);
    }
    case 'has': {
      const fn = solution && (typeof solution[msg.fn] === 'function' ? solution[msg.fn] : solution.default && solution.default[msg.fn]);
      return { value: typeof fn === 'function' || (msg.fn === entryPoint && typeof entryFn === 'function') };
    }
    case 'callref': return invoke(inHooks.ref({ $ref: msg.ref }), undefined, msg);
    case 'method': {
      const target = msg.ref === 0 ? solution : inHooks.ref({ $ref: msg.ref });
      return invoke(target[msg.name], target, msg);
    }
    case 'getattr': {
      const target = msg.ref === 0 ? solution : inHooks.ref({ $ref: msg.ref });
      const v = target[msg.name];
      return { value: typeof v === 'function' ? { $method: msg.name } : wire.encode(await settle(v), outHooks) };
    }
    case 'setattr': {
      const target = msg.ref === 0 ? solution : inHooks.ref({ $ref: msg.ref });
      target[msg.name] = wire.decode(msg.value, inHooks);
      return { value: null };
    }
    case 'keys': {
      const target = msg.ref === 0 ? solution : inHooks.ref({ $ref: msg.ref });
      return { value: Object.keys(target) };
    }
    case 'prepare': {
      // Set-up code from the tests (a fixed clock, a seeded generator) runs where the sample runs.
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
      const was = state.active;
      state.active = false; // the tests' own code, not the sample's
      let result;
      try {
        const fn = new AsyncFunction('require', 'solution', 'args', msg.source);
        result = await fn(require, solution, wire.decode(msg.args || [], inHooks));
      } finally {
        state.active = was;
      }
      return { value: msg.handle ? ref(result) : wire.encode(result, outHooks) };
    }
    case 'canary': return { value: await monitor.canary(msg.nonce, [...dbs.values()]) };
    default: throw new wire.WireError(`unknown request ${msg.op}`);
  }
}

// An error the sample throws from a timer or leaves as a rejected promise ends this process (as it
// would end a real one); the supervisor is told what it was first.
function fatal(e) {
  try { channel.send({ op: 'fatal', error: wire.errorInfo(e) }); } catch { }
  process.exit(1);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

async function main() {
  channel.send({ op: 'ready' });
  state.active = true; // from here on, everything in this process is the sample's doing
  for (;;) {
    const msg = channel.recv();
    if (msg === null) break;
    touched = new Set();
    let reply;
    try {
      const r = await handle(msg);
      reply = { re: msg.id, ok: true, ...r };
    } catch (e) {
      const info = e instanceof wire.WireError ? wire.errorInfo(new TypeError(e.message)) : wire.errorInfo(e);
      if (msg.op === 'load') info.phase = e instanceof SyntaxError ? 'compile' : 'import';
      if (msg.op === 'load') info.stack = String((e && e.stack) || e).slice(0, 8192);
      reply = { re: msg.id, ok: false, error: info };
    }
    try { channel.send(reply); } catch (e) { channel.send({ re: msg.id, ok: false, error: wire.errorInfo(new TypeError(`the result cannot be sent: ${e.message}`)) }); }
  }
  process.exit(0);
}

main().catch((e) => { try { channel.send({ op: 'fatal', error: String(e && e.stack || e) }); } catch { } process.exit(70); });
