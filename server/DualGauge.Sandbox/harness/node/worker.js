'use strict';
// One test of the JavaScript harness, in its own worker thread: install monitors, load the sample
// and the tests, run the test, report everything to the main thread as messages.

const { parentPort, workerData: job } = require('worker_threads');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { pathToFileURL } = require('url');
const assert = require('assert/strict');
const monitor = require('./monitor');

const { state } = monitor;
const post = (msg) => parentPort.postMessage(msg);
const now = () => Math.round(Number(process.hrtime.bigint() - job.startAbs) / 1e3) / 1e3;
const oneLine = (s, cap = 500) => {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length <= cap ? t : t.slice(0, cap - 3) + '...';
};

// Candidate output goes to the main thread synchronously (no stream buffering), so it is counted
// even when the test loops forever, and it always arrives before the test's result. Output while
// the sample loads is dropped, as in the other harnesses (it was the same for every test).
let capturing = false;
for (const stream of ['stdout', 'stderr']) {
  process[stream].write = function (chunk, encoding, cb) {
    if (!capturing) { if (typeof encoding === 'function') encoding(); else if (typeof cb === 'function') cb(); return true; }
    const data = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
    post({ type: 'out', stream, data });
    if (typeof encoding === 'function') encoding(); else if (typeof cb === 'function') cb();
    return true;
  };
}

const mjsPath = job.samplePath.replace(/\.[cm]?js$/, '') + '.mjs';
monitor.install([job.samplePath, pathToFileURL(mjsPath).href], (ev, fields) => {
  post({ type: 'ev', line: JSON.stringify({ ev, t: now(), test: job.testId, ...fields }) });
});
// Kills the candidate's child processes through the main thread (a worker cannot outlive them).
const reportPids = () => { if (state.pids.length) post({ type: 'pids', pids: state.pids.splice(0) }); };

const IDENT = /^[A-Za-z_$][\w$]*$/;

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

async function loadSample() {
  const source = fs.readFileSync(job.samplePath, 'utf8');
  const entry = job.entryPoint;
  const canName = IDENT.test(entry);
  const cjsTrailer = canName
    ? `\n;try{if(typeof ${entry}==='function'&&module.exports&&typeof module.exports==='object'&&typeof module.exports.${entry}!=='function')Object.defineProperty(module.exports,'__dg_entry',{value:${entry}})}catch(_dg){}\n`
    : '\n';
  const m = new Module(job.samplePath, null);
  m.filename = job.samplePath;
  m.paths = Module._nodeModulePaths(path.dirname(job.samplePath));
  try {
    m._compile(source + cjsTrailer, job.samplePath);
    m.loaded = true;
    require.cache[job.samplePath] = m;
    return m.exports;
  } catch (e) {
    if (!isEsmSyntaxError(e)) throw e;
  }
  // An ES module: Node resolves its bare imports through node_modules only, so expose the
  // system-wide packages (Debian's) to it.
  const esmTrailer = canName ? `\nexport const __dg_entry = (typeof ${entry} === 'function') ? ${entry} : undefined;\n` : '\n';
  fs.writeFileSync(mjsPath, source + esmTrailer);
  linkSystemModules(path.dirname(job.samplePath));
  return await import(pathToFileURL(mjsPath).href);
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

function errorText(e) {
  if (e && typeof e === 'object') return `${e.name || 'Error'}: ${e.message}`;
  return `Thrown: ${String(e)}`;
}

function shortRepr(v) {
  let s;
  try {
    if (typeof v === 'string') s = JSON.stringify(v);
    else if (typeof v === 'function') s = `[Function ${v.name || 'anonymous'}]`;
    else if (v === undefined) s = 'undefined';
    else if (typeof v === 'bigint') s = `${v}n`;
    else s = require('util').inspect(v, { depth: 2, breakLength: Infinity, maxArrayLength: 8, maxStringLength: 120 });
  } catch (e) {
    s = `<unrepresentable ${typeof v}>`;
  }
  return s.length > 240 ? s.slice(0, 237) + '...' : s;
}

function makeContext(solution, entryFn) {
  const invoke = async (name, fn, args) => {
    const shown = args.map(shortRepr);
    const start = performance.now();
    state.active = true;
    try {
      let value = fn(...args);
      if (value && typeof value.then === 'function') value = await value;
      state.active = false;
      post({ type: 'ev', line: JSON.stringify({ ev: 'call', t: now(), test: job.testId, function: name, args: shown, result: shortRepr(value), ms: Math.round((performance.now() - start) * 1000) / 1000 }) });
      return value;
    } catch (e) {
      state.active = false;
      const error = { type: (e && e.name) || typeof e, message: oneLine(e && e.message !== undefined ? e.message : e, 2000) };
      post({ type: 'ev', line: JSON.stringify({ ev: 'call', t: now(), test: job.testId, function: name, args: shown, error, ms: Math.round((performance.now() - start) * 1000) / 1000 }) });
      throw e;
    } finally {
      state.active = false;
      reportPids();
    }
  };
  return {
    solution,
    workdir: job.workdir, // set from 'go' before the context is made
    fixtures: job.fixtures,
    assert,
    call: (...args) => invoke(job.entryPoint, entryFn, args),
    attempt: async (...args) => {
      try { return { value: await invoke(job.entryPoint, entryFn, args), error: null }; } catch (e) { return { value: undefined, error: e }; }
    },
    function: (name) => {
      const fn = solution && (typeof solution[name] === 'function' ? solution[name] : solution.default && solution.default[name]);
      if (typeof fn !== 'function') throw new Error(`the solution defines no function ${name}`);
      return (...args) => invoke(name, fn, args);
    },
  };
}

async function main() {
  let solution; let entryFn; let tests;
  try {
    solution = await loadSample();
  } catch (e) {
    post({ type: 'loaded', ok: false, phase: e instanceof SyntaxError ? 'compile' : 'import', error: oneLine(errorText(e)), diagnostics: String((e && e.stack) || e).slice(0, 8192) });
    return;
  }
  entryFn = findEntry(solution, job.entryPoint);
  if (typeof entryFn !== 'function') {
    post({ type: 'loaded', ok: false, phase: 'import', error: `entry point ${job.entryPoint} not found`, diagnostics: '' });
    return;
  }
  try {
    tests = require(job.testsPath);
  } catch (e) {
    post({ type: 'loaded', ok: false, phase: e instanceof SyntaxError ? 'compile' : 'import', error: oneLine(`${path.basename(job.testsPath)}: ${errorText(e)}`), diagnostics: String((e && e.stack) || e).slice(0, 8192) });
    return;
  }
  post({ type: 'loaded', ok: true });
  // Spawned ahead of time: the test to run arrives with 'go'.
  const go = await new Promise((resolve) => parentPort.once('message', resolve));
  job.testId = go.testId;
  job.workdir = go.workdir;
  capturing = true;
  const testFn = tests && tests[job.testId];
  if (typeof testFn !== 'function') {
    post({ type: 'result', status: 'fail', message: `${path.basename(job.testsPath)} exports no function ${job.testId}` });
    return;
  }
  let status = 'pass'; let message = '';
  try {
    await testFn(makeContext(solution, entryFn));
  } catch (e) {
    status = 'fail';
    message = e && e.code === 'ERR_ASSERTION' ? oneLine(e.message, 2000) : oneLine(errorText(e), 2000);
  }
  state.active = false;
  reportPids();
  post({ type: 'result', status, message });
}

main().catch((e) => post({ type: 'result', status: 'crash', message: oneLine(errorText(e)) }));
