'use strict';
// Security monitors of the JavaScript harness, installed inside each test's worker thread before the
// sample loads. Events are recorded only while state.active (ctx.call/ctx.attempt running the
// candidate) and never for calls the monitors or Node itself make on the candidate's behalf.

const fs = require('fs');
const path = require('path');
const Module = require('module');
const { fileURLToPath } = require('url');

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'busybox']);
const CODE_CAP = 2048;

const state = { active: false, depth: 0, samplePaths: [], post: () => {}, pids: [] };

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
  const custom = require('util').promisify.custom;
  const track = (fn) => {
    const tracked = function (...args) {
      const child = fn.apply(this, args);
      if (child && child.pid) state.pids.push(child.pid);
      return child;
    };
    // Keeps util.promisify.custom and friends (promisify(exec) resolves to {stdout, stderr}).
    for (const key of Reflect.ownKeys(fn)) {
      if (key !== custom && key !== 'prototype' && key !== 'length' && key !== 'name' && key !== 'arguments' && key !== 'caller') {
        try { Object.defineProperty(tracked, key, Object.getOwnPropertyDescriptor(fn, key)); } catch { }
      }
    }
    Object.defineProperty(tracked, 'name', { value: fn.name });
    return tracked;
  };
  wrap(cp, 'exec', (a) => processEvent('child_process.exec', a[0], [], optFlag(a[1], 'shell') ? a[1] : undefined, true));
  wrap(cp, 'execSync', (a) => processEvent('child_process.execSync', a[0], [], optFlag(a[1], 'shell') ? a[1] : undefined, true));
  for (const n of ['execFile', 'execFileSync', 'spawn', 'spawnSync']) {
    wrap(cp, n, (a) => { const [f, args, o] = splitArgs(a); processEvent('child_process.' + n, f, args, o, false); });
  }
  wrap(cp, 'fork', (a) => { const [f, args] = splitArgs(a); processEvent('child_process.fork', process.execPath, [f, ...args], undefined, false); });
  for (const n of ['exec', 'execFile', 'spawn', 'fork']) cp[n] = track(cp[n]);
  // promisify(exec) must go through the wrapper (Node's own custom version calls the original).
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
  globalThis.eval = evalWrapper;

  const OriginalFunction = Function;
  function WrappedFunction(...args) {
    if (state.active && state.depth === 0) codeEvent('Function', args.length ? args[args.length - 1] : '');
    return Reflect.construct(OriginalFunction, args, new.target || OriginalFunction);
  }
  WrappedFunction.prototype = OriginalFunction.prototype;
  Object.defineProperty(WrappedFunction, 'name', { value: 'Function' });
  Object.defineProperty(OriginalFunction.prototype, 'constructor', { value: WrappedFunction, writable: true, configurable: true });
  globalThis.Function = WrappedFunction;

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
function patchSqlite(sqlite3) {
  sqlitePatched = true;
  const proto = sqlite3.Database.prototype;
  for (const n of ['run', 'get', 'all', 'each', 'exec', 'prepare', 'map']) {
    wrap(proto, n, (a) => { if (typeof a[0] === 'string') record('sql', { api: 'sqlite3.Database.' + n, statement: a[0] }); });
  }
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

module.exports = { state, install };
