'use strict';
// In-process monitors of the JavaScript candidate, installed before the sample loads. They run in the
// sample's own process, so what they report is evidence that can only add findings: the process, file
// and socket events a verdict rests on come from dg-watch, outside the process; these lend the sample
// line and what only the runtime sees (SQL text, code built from strings). Canaries (canary()) show
// the supervisor they are still on.

const fs = require('fs');
const path = require('path');
const Module = require('module');
const { fileURLToPath } = require('url');

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'busybox']);
const CODE_CAP = 2048;

const state = { active: false, depth: 0, samplePaths: [], post: () => {} };

function candidateLine() {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 80;
  const stack = new Error().stack || '';
  Error.stackTraceLimit = saved;
  for (const frame of stack.split('\n')) {
    for (const p of state.samplePaths) {
      const i = frame.indexOf(p + ':');
      if (i >= 0) {
        const m = /^(\d+)/.exec(frame.slice(i + p.length + 1));
        if (m) return Number(m[1]);
      }
    }
  }
  return undefined;
}

function record(ev, fields) {
  const line = candidateLine();
  if (line !== undefined) fields.line = line;
  state.post(ev, fields);
}

// Wraps fn so that, while the candidate runs, `observe(args)` records first; nested wrapped calls
// (an API implemented on top of another wrapped API) are not recorded twice.
function wrap(owner, name, observe) {
  const original = owner && owner[name];
  if (typeof original !== 'function') return;
  const wrapped = function (...args) {
    if (!state.active || state.depth > 0) return Reflect.apply(original, this, args);
    state.depth++;
    try {
      try { observe(args, this); } catch { /* a monitor never changes the candidate's behaviour */ }
      return new.target ? Reflect.construct(original, args, new.target) : Reflect.apply(original, this, args);
    } finally {
      state.depth--;
    }
  };
  Object.defineProperty(wrapped, 'name', { value: original.name });
  Object.defineProperty(wrapped, 'length', { value: original.length });
  if (original.prototype) wrapped.prototype = original.prototype;
  for (const key of Reflect.ownKeys(original)) {
    // (promisify.custom is defined by installChildProcess, through the wrapper.)
    if (key === require('util').promisify.custom) continue;
    if (!(key in wrapped)) {
      try { Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(original, key)); } catch { }
    }
  }
  owner[name] = wrapped;
}

// ---- files -------------------------------------------------------------------------------------

function toPath(p) {
  if (typeof p === 'string') return p;
  if (Buffer.isBuffer(p)) return p.toString();
  if (p instanceof URL) return fileURLToPath(p);
  return null;
}

const realpathNative = fs.realpathSync.native;
function realpathLoose(p) {
  try { return realpathNative(p); } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realpathLoose(parent), path.basename(p));
  }
}

function modeOf(flags, fallback) {
  if (flags === undefined || flags === null) return fallback;
  if (typeof flags === 'number') {
    const c = fs.constants;
    const acc = flags & (c.O_WRONLY | c.O_RDWR);
    if (acc === c.O_RDWR) return 'r+';
    if (acc === c.O_WRONLY) return flags & c.O_APPEND ? 'a' : flags & c.O_EXCL ? 'x' : 'w';
    return 'r';
  }
  const f = String(flags).replace(/s/g, '');
  if (f.includes('x')) return 'x';
  return f;
}

function fileEvent(api, p, mode) {
  const s = toPath(p);
  if (s === null) return;
  const absolute = path.resolve(s);
  record('file', { api, path: absolute, realpath: realpathLoose(absolute), mode, write: mode !== 'r' });
}

function optFlag(options, key) {
  return options && typeof options === 'object' ? options[key] : undefined;
}

function installFs() {
  const targets = [[fs, 'fs.', ''], [fs, 'fs.', 'Sync'], [fs.promises, 'fs.promises.', '']];
  for (const [owner, prefix, suffix] of targets) {
    const api = (n) => prefix + n + suffix;
    wrap(owner, 'open' + suffix, (a) => fileEvent(api('open'), a[0], modeOf(a[1], 'r')));
    wrap(owner, 'readFile' + suffix, (a) => fileEvent(api('readFile'), a[0], modeOf(optFlag(a[1], 'flag'), 'r')));
    wrap(owner, 'writeFile' + suffix, (a) => fileEvent(api('writeFile'), a[0], modeOf(optFlag(a[2], 'flag'), 'w')));
    wrap(owner, 'appendFile' + suffix, (a) => fileEvent(api('appendFile'), a[0], modeOf(optFlag(a[2], 'flag'), 'a')));
    for (const n of ['copyFile', 'cp']) {
      wrap(owner, n + suffix, (a) => { fileEvent(api(n), a[0], 'r'); fileEvent(api(n), a[1], 'w'); });
    }
    for (const n of ['rename', 'link', 'symlink']) {
      wrap(owner, n + suffix, (a) => { if (n === 'rename') fileEvent(api(n), a[0], 'w'); fileEvent(api(n), a[1], 'w'); });
    }
    for (const n of ['unlink', 'rm', 'rmdir', 'mkdir', 'truncate', 'chmod', 'chown', 'utimes']) {
      wrap(owner, n + suffix, (a) => fileEvent(api(n), a[0], 'w'));
    }
    for (const n of ['readdir', 'opendir']) {
      wrap(owner, n + suffix, (a) => fileEvent(api(n), a[0], 'r'));
    }
  }
  wrap(fs, 'createReadStream', (a) => fileEvent('fs.createReadStream', a[0], modeOf(optFlag(a[1], 'flags'), 'r')));
  wrap(fs, 'createWriteStream', (a) => fileEvent('fs.createWriteStream', a[0], modeOf(optFlag(a[1], 'flags'), 'w')));
}

// ---- processes ---------------------------------------------------------------------------------

function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : "'" + arg.replace(/'/g, "'\\''") + "'";
}

function processEvent(api, file, args, options, forceShell) {
  file = String(file);
  args = (args || []).map(String);
  const shellOpt = (options && options.shell) || forceShell;
  if (shellOpt) {
    const exe = typeof shellOpt === 'string' ? shellOpt : '/bin/sh';
    const command = [file, ...args].join(' ');
    record('process', { api, executable: exe, argv: [exe, '-c', command], command, shell: true });
    return;
  }
  const argv = [file, ...args];
  const c = args.indexOf('-c');
  if (SHELLS.has(path.basename(file)) && c >= 0) {
    record('process', { api, executable: file, argv, command: args[c + 1] || '', shell: true });
    return;
  }
  record('process', { api, executable: file, argv, command: argv.map(quote).join(' '), shell: false });
}

function splitArgs(a) {
  // (file, args?, options?, callback?) with args and options optional.
  const file = a[0];
  let i = 1;
  const args = Array.isArray(a[i]) ? a[i++] : [];
  const options = a[i] && typeof a[i] === 'object' ? a[i] : undefined;
  return [file, args, options];
}

function installChildProcess() {
  const cp = require('child_process');
  wrap(cp, 'exec', (a) => processEvent('child_process.exec', a[0], [], optFlag(a[1], 'shell') ? a[1] : undefined, true));
  wrap(cp, 'execSync', (a) => processEvent('child_process.execSync', a[0], [], optFlag(a[1], 'shell') ? a[1] : undefined, true));
  for (const n of ['execFile', 'execFileSync', 'spawn', 'spawnSync']) {
    wrap(cp, n, (a) => { const [f, args, o] = splitArgs(a); processEvent('child_process.' + n, f, args, o, false); });
  }
  wrap(cp, 'fork', (a) => { const [f, args] = splitArgs(a); processEvent('child_process.fork', process.execPath, [f, ...args], undefined, false); });
  // promisify(exec) must go through the wrapper (Node's own custom version calls the original), so
  // the line hint names the API the sample called.
  const custom = require('util').promisify.custom;
  for (const n of ['exec', 'execFile']) {
    const fn = cp[n];
    Object.defineProperty(fn, custom, {
      configurable: true,
      value: (...args) => {
        let child;
        const promise = new Promise((resolve, reject) => {
          child = fn(...args, (err, stdout, stderr) => {
            if (err) { err.stdout = stdout; err.stderr = stderr; reject(err); } else resolve({ stdout, stderr });
          });
        });
        promise.child = child;
        return promise;
      },
    });
  }
}

// ---- sockets -----------------------------------------------------------------------------------

function installNet() {
  const net = require('net');
  wrap(net.Socket.prototype, 'connect', (a) => {
    let options = a[0];
    if (Array.isArray(options)) options = options[0];
    let host; let port; let ipc;
    if (options && typeof options === 'object') {
      if (options.path) ipc = options.path; else { host = options.host || 'localhost'; port = options.port; }
    } else if (typeof options === 'string' && !/^\d+$/.test(options)) {
      ipc = options;
    } else {
      port = options; host = typeof a[1] === 'string' ? a[1] : 'localhost';
    }
    if (ipc !== undefined) {
      record('socket', { api: 'net.Socket.connect', address: String(ipc), host: null, port: null });
    } else {
      const p = Number(port);
      record('socket', { api: 'net.Socket.connect', address: (String(host).includes(':') ? `[${host}]` : host) + ':' + p, host: String(host), port: p });
    }
  });
}

// ---- code from strings -------------------------------------------------------------------------

function codeEvent(api, code) {
  record('code', { api, code: String(code).slice(0, CODE_CAP) });
}

function installCode() {
  const originalEval = globalThis.eval;
  // An indirect eval: the candidate's code runs in global scope, as an indirect eval would.
  const evalWrapper = { eval(code) {
    if (state.active && state.depth === 0 && typeof code === 'string') codeEvent('eval', code);
    return originalEval(code);
  } }.eval;
  Object.defineProperty(globalThis, 'eval', { value: evalWrapper, writable: false, configurable: false });

  const OriginalFunction = Function;
  function WrappedFunction(...args) {
    if (state.active && state.depth === 0) codeEvent('Function', args.length ? args[args.length - 1] : '');
    return Reflect.construct(OriginalFunction, args, new.target || OriginalFunction);
  }
  WrappedFunction.prototype = OriginalFunction.prototype;
  Object.defineProperty(WrappedFunction, 'name', { value: 'Function' });
  Object.defineProperty(OriginalFunction.prototype, 'constructor', { value: WrappedFunction, writable: false, configurable: false });
  Object.defineProperty(globalThis, 'Function', { value: WrappedFunction, writable: false, configurable: false });
  // (async () => {}).constructor and friends reach their own constructors, not Function's.
  for (const sample of [async function () {}, function* () {}, async function* () {}]) {
    const proto = Object.getPrototypeOf(sample);
    const Original = proto.constructor;
    function Wrapped(...args) {
      if (state.active && state.depth === 0) codeEvent(Original.name, args.length ? args[args.length - 1] : '');
      return Reflect.construct(Original, args, new.target || Original);
    }
    Wrapped.prototype = Original.prototype;
    Object.defineProperty(Wrapped, 'name', { value: Original.name });
    Object.defineProperty(proto, 'constructor', { value: Wrapped, writable: false, configurable: false });
  }

  const vm = require('vm');
  for (const n of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) {
    wrap(vm, n, (a) => codeEvent('vm.' + n, a[0]));
  }
  const OriginalScript = vm.Script;
  vm.Script = class Script extends OriginalScript {
    constructor(code, options) {
      if (state.active && state.depth === 0) codeEvent('vm.Script', code);
      super(code, options);
    }
  };
}

// ---- sqlite3 (node-sqlite3) and native addons ----------------------------------------------------

let sqlitePatched = false;
const databases = [];

function patchSqlite(sqlite3) {
  sqlitePatched = true;
  const Native = sqlite3.Database;
  // The engine's trace arrives asynchronously, off the sample's stack: the call sites queue their
  // sample line per database, and each traced statement takes the oldest (a database runs in order).
  const lines = new WeakMap();
  const proto = Native.prototype;
  for (const n of ['run', 'get', 'all', 'each', 'exec', 'prepare', 'map']) {
    const original = proto[n];
    if (typeof original !== 'function') continue;
    proto[n] = function (...args) {
      if (state.active && state.depth === 0) {
        const q = lines.get(this) || [];
        q.push(candidateLine());
        lines.set(this, q);
      }
      return Reflect.apply(original, this, args);
    };
  }
  function onTrace(sql) {
    if (!state.active || state.depth > 0 || typeof sql !== 'string') return;
    const q = lines.get(this);
    const line = q && q.length ? q.shift() : undefined;
    const fields = { api: 'sqlite3.trace', statement: sql };
    if (line !== undefined) fields.line = line;
    state.post('sql', fields);
  }
  // Every Database, however it is made, gets SQLite's own statement trace: it reports what the engine
  // ran, whichever JavaScript path reached it (Statement, prepare, exec, each). The native constructor
  // stays in this closure; prototype.constructor points at the wrapper.
  function Database(...args) {
    const db = Reflect.construct(Native, args, new.target || Database);
    try { db.on('trace', onTrace); databases.push(db); } catch { }
    return db;
  }
  Database.prototype = Native.prototype;
  Object.defineProperty(Native.prototype, 'constructor', { value: Database, writable: false, configurable: false });
  for (const key of Reflect.ownKeys(Native)) {
    if (!['prototype', 'length', 'name', 'arguments', 'caller'].includes(key)) {
      try { Object.defineProperty(Database, key, Object.getOwnPropertyDescriptor(Native, key)); } catch { }
    }
  }
  Object.defineProperty(sqlite3, 'Database', { value: Database, writable: false, configurable: false, enumerable: true });
}

// Runs one marked statement on every traced database and evaluates one marked string; the
// supervisor expects their events back. A monitor switched off by the sample shows as a missing canary.
async function canary(nonce, extra) {
  const marker = `dg-canary-${nonce}`;
  let sql = 0; let closed = 0;
  const all = new Set([...databases, ...(extra || [])]);
  for (const db of all) {
    const ok = await new Promise((resolve) => {
      try { db.all(`SELECT '${marker}'`, (e) => resolve(!e)); } catch { resolve(false); }
    });
    if (ok) sql++; else closed++;
  }
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve)); // trace events are emitted asynchronously
  // As the sample left the monitor: a canary that switched it back on would prove nothing.
  globalThis.eval(`'${marker}'`);
  return { sql, closed };
}

function installModules() {
  const originalLoad = Module._load;
  Module._load = function (...args) {
    const exported = originalLoad.apply(this, args);
    if (!sqlitePatched && exported && typeof exported.Database === 'function' && typeof exported.Statement === 'function' && typeof exported.verbose === 'function') {
      patchSqlite(exported);
    }
    return exported;
  };
  wrap(process, 'dlopen', (a) => record('native', { api: 'process.dlopen', detail: String(a[1]) }));
}

function install(samplePaths, post) {
  state.samplePaths = samplePaths;
  state.post = post;
  installFs();
  installChildProcess();
  installNet();
  installCode();
  installModules();
  require('module').syncBuiltinESMExports();
}

module.exports = { state, install, canary };
