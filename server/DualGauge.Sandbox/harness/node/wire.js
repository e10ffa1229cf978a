'use strict';
// The data that crosses between the JavaScript test runner (supervisor side) and the candidate's
// process, one JSON object per line. Values cross as plain data the receiver rebuilds itself: a
// returned Proxy, a getter or an overridden prototype method never reaches the tests. What is not data
// (an instance with methods, an Express app) stays where it was made and crosses as a handle
// ({$ref}); functions cross as callbacks ({$cb}) that call back into their side.
//
// Tags: $undef $num (NaN, Infinity, -0) $bigint $obj $buf $typed $date $map $set $re $err $ref $cb $sqlite.

const MAX_DEPTH = 64;

class WireError extends Error {}

function isPlain(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function encode(v, hooks, depth = 0, seen = new Set(), owner = undefined) {
  if (depth > MAX_DEPTH) throw new WireError('the value is nested too deeply to cross the sandbox boundary');
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $num: 'NaN' };
    if (v === Infinity) return { $num: 'Infinity' };
    if (v === -Infinity) return { $num: '-Infinity' };
    if (Object.is(v, -0)) return { $num: '-0' };
    return v;
  }
  if (v === undefined) return { $undef: 1 };
  if (typeof v === 'bigint') return { $bigint: v.toString() };
  if (typeof v === 'symbol') return { $undef: 1 };
  if (typeof v === 'function') {
    if (hooks.fn) return hooks.fn(v, owner);
    throw new WireError('a function cannot cross the sandbox boundary');
  }
  if (hooks.special) {
    const s = hooks.special(v);
    if (s !== undefined) return s;
  }
  if (seen.has(v)) throw new WireError('a value with a cycle cannot cross the sandbox boundary');
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      const out = [];
      const n = Math.min(Number(v.length) || 0, 1e6);
      for (let i = 0; i < n; i++) out.push(encode(v[i], hooks, depth + 1, seen));
      return out;
    }
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $buf: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (ArrayBuffer.isView(v)) return { $typed: v.constructor.name, b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (v instanceof ArrayBuffer) return { $typed: 'ArrayBuffer', b64: Buffer.from(v).toString('base64') };
    if (v instanceof Date) return { $date: Number.isNaN(Date.prototype.getTime.call(v)) ? null : Date.prototype.toISOString.call(v) };
    if (v instanceof Map) return { $map: Array.from(Map.prototype.entries.call(v), ([k, x]) => [encode(k, hooks, depth + 1, seen), encode(x, hooks, depth + 1, seen)]) };
    if (v instanceof Set) return { $set: Array.from(Set.prototype.values.call(v), (x) => encode(x, hooks, depth + 1, seen)) };
    if (v instanceof RegExp) return { $re: RegExp.prototype.toString.call(v) };
    if (v instanceof Error) return { $err: errorInfo(v) };
    if (isPlain(v) || !hooks.ref) {
      // Own enumerable data properties only: a getter is never run here.
      const entries = [];
      for (const key of Object.keys(v)) {
        const d = Reflect.getOwnPropertyDescriptor(v, key);
        if (!d) continue;
        if ('value' in d) entries.push([key, encode(d.value, hooks, depth + 1, seen, v)]);
      }
      return { $obj: entries };
    }
    return hooks.ref(v);
  } finally {
    seen.delete(v);
  }
}

function errorInfo(e) {
  let name = 'Error'; let message = ''; let code;
  try { name = String(e && e.name !== undefined ? e.name : 'Error'); } catch { }
  try { message = String(e && e.message !== undefined ? e.message : e); } catch { message = '<unprintable>'; }
  try { if (e && (typeof e.code === 'string' || typeof e.code === 'number')) code = e.code; } catch { }
  const chain = [];
  try {
    for (let p = Object.getPrototypeOf(e); p && chain.length < 12; p = Object.getPrototypeOf(p)) {
      const c = p.constructor;
      chain.push(c && typeof c.name === 'string' ? c.name : '?');
    }
  } catch { }
  // Own data properties an error carries for its handler (status, statusCode, expose, type...).
  const props = [];
  try {
    for (const k of Object.keys(e)) {
      const d = Object.getOwnPropertyDescriptor(e, k);
      if (d && 'value' in d && (typeof d.value === 'string' || typeof d.value === 'number' || typeof d.value === 'boolean' || d.value === null)) {
        if (props.length < 32) props.push([k.slice(0, 100), typeof d.value === 'string' ? d.value.slice(0, 2000) : d.value]);
      }
    }
  } catch { }
  let cause;
  try { if (e && e.cause !== undefined && depthOf(e) < 4) cause = errorInfo(e.cause); } catch { }
  return { name: name.slice(0, 200), message: message.slice(0, 4000), code, chain, props, cause };
}

function depthOf(e) {
  let n = 0;
  for (let c = e; c && typeof c === 'object' && 'cause' in c && n < 8; c = c.cause) n++;
  return n;
}

const BUILTIN_ERRORS = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

// An error of the same name whose class is the nearest built-in one in its chain, so `instanceof
// TypeError` and `e.name` read as they would have in one process.
function rebuildError(info) {
  let Base = Error;
  for (const n of [info.name, ...(info.chain || [])]) {
    if (BUILTIN_ERRORS[n]) { Base = BUILTIN_ERRORS[n]; break; }
  }
  const e = new Base(info.message);
  if (info.name && info.name !== Base.name) Object.defineProperty(e, 'name', { value: info.name, configurable: true, writable: true });
  if (info.code !== undefined) e.code = info.code;
  for (const [k, v] of info.props || []) {
    if (!['name', 'message', 'stack', '__proto__', 'constructor'].includes(k)) e[k] = v;
  }
  if (info.cause) e.cause = rebuildError(info.cause);
  Object.defineProperty(e, 'dgRemote', { value: true });
  return e;
}

function decode(w, hooks, depth = 0) {
  if (depth > MAX_DEPTH) throw new WireError('the value is nested too deeply');
  if (w === null || typeof w === 'boolean' || typeof w === 'number' || typeof w === 'string') return w;
  if (Array.isArray(w)) return w.map((x) => decode(x, hooks, depth + 1));
  if (typeof w !== 'object') throw new WireError('not a value');
  if ('$undef' in w) return undefined;
  if ('$num' in w) return w.$num === '-0' ? -0 : Number(w.$num);
  if ('$bigint' in w) return BigInt(w.$bigint);
  if ('$obj' in w) {
    const o = {};
    for (const [k, x] of w.$obj) {
      if (k === '__proto__') Object.defineProperty(o, k, { value: decode(x, hooks, depth + 1), enumerable: true, writable: true, configurable: true });
      else o[k] = decode(x, hooks, depth + 1);
    }
    return o;
  }
  if ('$buf' in w) return Buffer.from(w.$buf, 'base64');
  if ('$typed' in w) {
    const b = Buffer.from(w.b64, 'base64');
    if (w.$typed === 'ArrayBuffer') return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const C = globalThis[w.$typed];
    if (typeof C === 'function' && C.BYTES_PER_ELEMENT) return new C(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    return b;
  }
  if ('$date' in w) return new Date(w.$date === null ? NaN : w.$date);
  if ('$map' in w) return new Map(w.$map.map(([k, x]) => [decode(k, hooks, depth + 1), decode(x, hooks, depth + 1)]));
  if ('$set' in w) return new Set(w.$set.map((x) => decode(x, hooks, depth + 1)));
  if ('$re' in w) {
    const m = /^\/([\s\S]*)\/([a-z]*)$/.exec(w.$re);
    return m ? new RegExp(m[1], m[2]) : new RegExp(w.$re);
  }
  if ('$err' in w) return rebuildError(w.$err);
  if ('$ref' in w && hooks.ref) return hooks.ref(w);
  if ('$cb' in w && hooks.cb) return hooks.cb(w);
  if ('$sqlite' in w && hooks.sqlite) return hooks.sqlite(w);
  throw new WireError(`an unknown tag on the wire: ${Object.keys(w).slice(0, 3).join(',')}`);
}

// Blocking line I/O on an fd (pipes from the supervisor): the runner and the candidate both wait
// synchronously for the other side, so a callback can run in the middle of a call.
class LineChannel {
  constructor(fs, inFd, outFd) {
    this.fs = fs;
    this.inFd = inFd;
    this.outFd = outFd;
    this.buf = Buffer.alloc(0);
    this.chunk = Buffer.alloc(1 << 16);
  }

  send(msg) {
    const data = Buffer.from(JSON.stringify(msg) + '\n', 'utf8');
    let off = 0;
    while (off < data.length) {
      try { off += this.fs.writeSync(this.outFd, data, off, data.length - off); } catch (e) { if (e.code !== 'EAGAIN') throw e; }
    }
  }

  recv() {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0) {
        const line = this.buf.subarray(0, nl).toString('utf8');
        this.buf = this.buf.subarray(nl + 1);
        return JSON.parse(line);
      }
      let n;
      try { n = this.fs.readSync(this.inFd, this.chunk, 0, this.chunk.length, null); } catch (e) {
        if (e.code === 'EAGAIN') continue;
        if (e.code === 'EOF') n = 0; else throw e;
      }
      if (n === 0) return null;
      this.buf = Buffer.concat([this.buf, this.chunk.subarray(0, n)]);
    }
  }
}

module.exports = { WireError, encode, decode, errorInfo, rebuildError, LineChannel, isPlain };
