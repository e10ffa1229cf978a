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

// Runs one worker. For the first one, onLoaded decides whether the job goes on.
function runWorker(data, timeoutMs, outCap, onLoaded) {
  return new Promise((resolve) => {
    const started = performance.now();
    const worker = new Worker(path.join(__dirname, 'worker.js'), {
      workerData: data, resourceLimits: { maxOldGenerationSizeMb: 160 }, stdout: true, stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const captures = { stdout: new Capture('stdout', outCap), stderr: new Capture('stderr', outCap) };
    const outcome = { result: null, timedOut: false, flooded: false, error: null, loaded: null, ms: 0, pids: [] };
    let finished = false;
    const stop = () => { if (!finished) { finished = true; worker.terminate(); } };
    let timer = setTimeout(() => { outcome.timedOut = true; stop(); }, timeoutMs);
    worker.on('message', (m) => {
      if (finished && m.type !== 'pids') return;
      switch (m.type) {
        case 'ev': if (outcome.loaded && outcome.loaded.ok) writeLine(m.line); break;
        case 'out':
          captures[m.stream].feed(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
          if (captures.stdout.total + captures.stderr.total > FLOOD_BYTES) { outcome.flooded = true; stop(); }
          break;
        case 'pids': outcome.pids.push(...m.pids); killPids(m.pids); break;
        case 'loaded':
          outcome.loaded = m;
          clearTimeout(timer);
          if (!onLoaded(m)) { stop(); break; }
          timer = setTimeout(() => { outcome.timedOut = true; stop(); }, timeoutMs);
          break;
        case 'result': outcome.result = m; stop(); break;
        default: break;
      }
    });
    worker.on('error', (e) => { outcome.error = e; });
    worker.on('exit', () => {
      clearTimeout(timer);
      finished = true;
      outcome.ms = Math.round((performance.now() - started) * 1000) / 1000;
      killPids(outcome.pids);
      resolve({ outcome, captures });
    });
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
    // The first worker starts its test right after loading: date load and test_start by its clock.
    if (m.ok) emit('load', { ok: true, phase: 'import' }, m.t);
    else emit('load', { ok: false, phase: m.phase, error: m.error, diagnostics: m.diagnostics });
    return loadOk;
  };
  const base = { samplePath, testsPath, entryPoint: job.entryPoint, fixtures, startAbs };

  if (tests.length === 0) {
    const { outcome } = await runWorker({ ...base, testId: null, workdir: JOB_DIR }, timeoutMs, outCap, reportLoad);
    if (!loadReported) reportLoad(loadFailure(outcome, timeoutMs));
    emit('end');
    return;
  }
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i];
    const safe = String(test.id).replace(/[^\w-]/g, '_').slice(0, 80);
    const workdir = path.join(JOB_DIR, 'work', `${String(i).padStart(3, '0')}-${safe}`);
    fs.mkdirSync(workdir, { recursive: true });
    process.chdir(workdir);
    const startTest = (t) => emit('test_start', { test: test.id, kind: test.kind || 'functional', workdir, fixtures }, t);
    if (loadReported) startTest();
    const { outcome, captures } = await runWorker({ ...base, testId: test.id, workdir }, timeoutMs, outCap, (m) => {
      if (loadReported) {
        return true; // a later worker reports its own load failure as the test's crash below
      }
      const ok = reportLoad(m);
      if (ok) startTest(m.t);
      return ok;
    });
    if (!loadReported) {
      reportLoad(loadFailure(outcome, timeoutMs));
    }
    if (!loadOk) break;
    finishTest(test.id, outcome, captures, timeoutMs);
  }
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
