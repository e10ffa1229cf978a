'use strict';
// DualGauge JavaScript harness: job JSON on stdin, trace JSON lines on fd 3 (the `run` dispatcher
// maps fd 3 to the container's stdout). Each test runs in a fresh worker thread (the fastest
// isolation that can still stop an infinite loop: Worker.terminate()).

const fs = require('fs');
const path = require('path');
const { Worker } = require('worker_threads');

const VERSION = '1.0.0';
const JOB_DIR = process.env.DG_JOB_DIR || '/tmp/job';
const FLOOD_BYTES = 8 * 1024 * 1024;
const TRACE_FD = 3;
// hrtime is one monotonic clock for every thread, so worker timestamps line up with ours.
const startAbs = process.hrtime.bigint();
const now = () => Math.round(Number(process.hrtime.bigint() - startAbs) / 1e3) / 1e3;

function writeLine(line) {
  let buf = Buffer.from(line + '\n');
  while (buf.length) {
    try {
      const n = fs.writeSync(TRACE_FD, buf);
      buf = buf.subarray(n);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}
const emit = (ev, fields = {}, t = now()) => writeLine(JSON.stringify({ ev, t, ...fields }));

function readJob() {
  let job;
  try {
    job = JSON.parse(fs.readFileSync(0, 'utf8'));
  } catch (e) {
    throw new Error(`the job on stdin is not valid JSON: ${e.message}`);
  }
  for (const key of ['entryPoint', 'sample', 'testsFile', 'tests']) {
    if (!(key in job)) throw new Error(`the job has no '${key}'`);
  }
  return job;
}

function writeJobFiles(job) {
  fs.mkdirSync(path.join(JOB_DIR, 'fixtures'), { recursive: true });
  fs.mkdirSync(path.join(JOB_DIR, 'work'), { recursive: true });
  const written = [];
  for (const f of [job.sample, job.testsFile, ...(job.files || [])]) {
    const target = path.resolve(JOB_DIR, f.path);
    if (path.isAbsolute(f.path) || !(target + '/').startsWith(JOB_DIR + '/')) {
      throw new Error(`job file path '${f.path}' escapes the job folder`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.base64 != null ? Buffer.from(f.base64, 'base64') : (f.content || ''));
    written.push(target);
  }
  return written;
}

class Capture {
  constructor(stream, cap) { this.stream = stream; this.cap = cap; this.kept = []; this.keptBytes = 0; this.total = 0; }
  feed(data) {
    this.total += data.length;
    const room = this.cap - this.keptBytes;
    if (room > 0) { const part = data.subarray(0, room); this.kept.push(part); this.keptBytes += part.length; }
  }
  event(test) {
    return { test, stream: this.stream, text: Buffer.concat(this.kept).toString('utf8'), bytes: this.total, truncated: this.total > this.keptBytes };
  }
}

function killPids(pids) {
  for (const pid of pids) {
    try { process.kill(-pid, 'SIGKILL'); } catch { try { process.kill(pid, 'SIGKILL'); } catch { } }
  }
}

// A worker loads the monitors, the sample and the tests as soon as it is spawned, reports 'loaded',
// then waits for 'go' with the test to run. The next test's worker is spawned while the current
// test runs, so a worker's start-up cost (tens of ms) overlaps the previous test.
function spawnWorker(base) {
  const h = { pending: [], handler: null, error: null, exited: false, onExit: null };
  h.worker = new Worker(path.join(__dirname, 'worker.js'), {
    workerData: base, resourceLimits: { maxOldGenerationSizeMb: 160 }, stdout: true, stderr: true,
  });
  h.worker.stdout.resume();
  h.worker.stderr.resume();
  h.worker.on('message', (m) => (h.handler ? h.handler(m) : h.pending.push(m)));
  h.worker.on('error', (e) => { h.error = e; });
  h.worker.on('exit', () => { h.exited = true; if (h.onExit) h.onExit(); });
  return h;
}

// Runs one test on a (possibly pre-spawned) worker. onLoaded(m) decides whether the test goes on;
// it runs just before 'go' is sent.
function runTest(h, test, workdir, timeoutMs, outCap, onLoaded) {
  return new Promise((resolve) => {
    let started = performance.now();
    const captures = { stdout: new Capture('stdout', outCap), stderr: new Capture('stderr', outCap) };
    const outcome = { result: null, timedOut: false, flooded: false, error: null, loaded: null, ms: 0, pids: [] };
    let finished = false;
    const stop = () => { if (!finished) { finished = true; h.worker.terminate(); } };
    let timer = setTimeout(() => { outcome.timedOut = true; stop(); }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      finished = true;
      outcome.error = h.error;
      outcome.ms = Math.round((performance.now() - started) * 1000) / 1000;
      killPids(outcome.pids);
      resolve({ outcome, captures });
    };
    h.handler = (m) => {
      if (finished && m.type !== 'pids') return;
      switch (m.type) {
        case 'ev': writeLine(m.line); break;
        case 'out':
          captures[m.stream].feed(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
          if (captures.stdout.total + captures.stderr.total > FLOOD_BYTES) { outcome.flooded = true; stop(); }
          break;
        case 'pids': outcome.pids.push(...m.pids); killPids(m.pids); break;
        case 'loaded':
          outcome.loaded = m;
          clearTimeout(timer);
          if (!m.ok || !onLoaded(m)) { stop(); break; }
          started = performance.now();
          timer = setTimeout(() => { outcome.timedOut = true; stop(); }, timeoutMs);
          h.worker.postMessage({ type: 'go', testId: test.id, workdir });
          break;
        case 'result': outcome.result = m; stop(); break;
        default: break;
      }
    };
    h.onExit = finish;
    for (const m of h.pending.splice(0)) h.handler(m);
    if (h.exited) finish();
  });
}

async function main() {
  const job = readJob();
  const [samplePath, testsPath] = writeJobFiles(job);
  const fixtures = path.join(JOB_DIR, 'fixtures');
  emit('harness', { language: 'javascript', version: VERSION, runtime: `Node.js ${process.version}` });
  const timeoutMs = Number(job.testTimeoutMs) || 3000;
  const outCap = Number(job.outputCapBytes) || 16384;
  const tests = job.tests || [];
  let loadReported = false;
  let loadOk = false;
  const reportLoad = (m) => {
    if (loadReported) return loadOk;
    loadReported = true;
    loadOk = !!m.ok;
    if (m.ok) emit('load', { ok: true, phase: 'import' });
    else emit('load', { ok: false, phase: m.phase, error: m.error, diagnostics: m.diagnostics });
    return loadOk;
  };
  const base = { samplePath, testsPath, entryPoint: job.entryPoint, fixtures, startAbs };

  if (tests.length === 0) {
    const h = spawnWorker(base);
    const { outcome } = await runTest(h, { id: null }, JOB_DIR, timeoutMs, outCap, (m) => { reportLoad(m); return false; });
    if (!loadReported) reportLoad(outcome.loaded || loadFailure(outcome, timeoutMs));
    emit('end');
    return;
  }
  let next = spawnWorker(base);
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i];
    const safe = String(test.id).replace(/[^\w-]/g, '_').slice(0, 80);
    const workdir = path.join(JOB_DIR, 'work', `${String(i).padStart(3, '0')}-${safe}`);
    fs.mkdirSync(workdir, { recursive: true });
    const current = next;
    next = null;
    let started = false;
    const { outcome, captures } = await runTest(current, test, workdir, timeoutMs, outCap, () => {
      if (!loadReported && !reportLoad({ ok: true })) return false;
      process.chdir(workdir);
      emit('test_start', { test: test.id, kind: test.kind || 'functional', workdir, fixtures });
      started = true;
      if (i + 1 < tests.length) next = spawnWorker(base);
      return true;
    });
    if (!loadReported) reportLoad(outcome.loaded || loadFailure(outcome, timeoutMs));
    if (!loadOk) break;
    if (!started) {
      // This test's worker failed to load although the first one did (the sample behaves
      // differently per run): report the test as crashed and go on with a fresh worker.
      emit('test_start', { test: test.id, kind: test.kind || 'functional', workdir, fixtures });
      if (i + 1 < tests.length) next = spawnWorker(base);
    }
    finishTest(test.id, outcome, captures, timeoutMs);
  }
  if (next) next.worker.terminate();
  emit('end');
}

function loadFailure(outcome, timeoutMs) {
  if (outcome.timedOut) return { ok: false, phase: 'import', error: `loading the sample timed out after ${timeoutMs} ms`, diagnostics: '' };
  const e = outcome.error;
  return { ok: false, phase: 'import', error: e ? `${e.name}: ${e.message}` : 'the sample could not be loaded', diagnostics: e ? String(e.stack || e).slice(0, 8192) : '' };
}

function finishTest(testId, outcome, captures, timeoutMs) {
  for (const c of [captures.stdout, captures.stderr]) if (c.total) emit('output', c.event(testId));
  let status; let message;
  if (outcome.flooded) {
    emit('limit', { test: testId, what: 'output', detail: `the test wrote more than ${FLOOD_BYTES} bytes of output` });
    status = 'crash'; message = 'output flood';
  } else if (outcome.timedOut) {
    emit('limit', { test: testId, what: 'time', detail: `the test ran longer than ${timeoutMs} ms` });
    status = 'timeout'; message = `timed out after ${timeoutMs} ms`;
  } else if (outcome.result) {
    ({ status, message } = outcome.result);
  } else if (outcome.loaded && !outcome.loaded.ok) {
    status = 'crash'; message = `loading failed in this test's worker: ${outcome.loaded.error}`;
  } else if (outcome.error) {
    if (outcome.error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      emit('limit', { test: testId, what: 'memory', detail: outcome.error.message });
    }
    status = 'crash'; message = `${outcome.error.name || 'Error'}: ${outcome.error.message}`.replace(/\s+/g, ' ');
  } else {
    status = 'crash'; message = 'the test ended before it finished (process.exit?)';
  }
  emit('test_end', { test: testId, status, message, ms: outcome.ms });
}

main().then(() => process.exit(0), (e) => {
  try { emit('end'); } catch { }
  process.stderr.write(`harness(javascript): ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
