
// --- DualGauge: HTTP entry (appended to the sample; runs in the sample's process) ---
// __dg_http__(view, request, ...args) runs a web handler inside a request its framework dispatches, in process
// (no socket, no network): an Express route or handler through Express itself (app.handle, with the body parsers a
// client's request needs), a plain Node handler with http.IncomingMessage / http.ServerResponse. When Express is
// missing, an Express-like stand-in request and response. It returns what a client would receive: status,
// headers and body (and the handler's own return value, when it is data).
//   view:    { framework: express | node, kind: route | handler, name, app, method, path, args: [req|res|next|arg] }
//   request: { method, path (when the probe sets the request path itself), query, form, json, headers, cookies, pathArgs }
function __dg_http_bind__(name, get) {
  (__dg_http_bind__.scope || (__dg_http_bind__.scope = {}))[name] = get;
}

async function __dg_http__(view, request, ...args) {
  const load = async (name) => {
    if (typeof require === 'function') return require(name);
    const ns = await import(name);
    return ns && ns.default !== undefined ? ns.default : ns;
  };
  const lookup = (name) => {
    const get = (__dg_http_bind__.scope || {})[name];
    try { return get ? get() : undefined; } catch (e) { return undefined; }
  };
  const http = await load('http');
  const { Duplex } = await load('stream');
  const WAIT_MS = 750;

  const fail = (name, message) => Object.assign(new Error(message), { name });
  const routePath = request.path !== undefined ? String(request.path) : String(view.path || '/').replace(/:(\w+)(\([^)]*\))?\??/g, (m, name) => encodeURIComponent(
    request.pathArgs && request.pathArgs[name] !== undefined ? request.pathArgs[name] : '1')).replace(/\*/g, 'x');
  const query = new URLSearchParams(request.query || {}).toString();
  const url = routePath + (query ? '?' + query : '');
  const headers = { host: 'app.example', 'user-agent': 'dualgauge', accept: '*/*' };
  for (const [k, v] of Object.entries(request.headers || {})) headers[k.toLowerCase()] = String(v);
  const cookies = Object.entries(request.cookies || {});
  if (cookies.length) headers.cookie = cookies.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  let body = null;
  if (request.json !== null && request.json !== undefined) {
    body = Buffer.from(JSON.stringify(request.json));
    headers['content-type'] = 'application/json';
  } else if (request.form && Object.keys(request.form).length) {
    body = Buffer.from(new URLSearchParams(request.form).toString());
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (body) headers['content-length'] = String(body.length);
  const method = String(request.method || view.method || 'GET').toUpperCase();

  // What the client receives, gathered as the handler writes it.
  const sent = { chunks: [], head: {}, ended: false };
  const chunk = (d, enc) => (d === undefined || d === null || typeof d === 'function' ? null
    : Buffer.isBuffer(d) ? d : d instanceof Uint8Array ? Buffer.from(d) : Buffer.from(String(d), typeof enc === 'string' ? enc : 'utf8'));
  const exchange = {};
  const finished = new Promise((resolve, reject) => { exchange.resolve = resolve; exchange.reject = reject; });
  const plainValue = (v, req, res) => {
    if (v === req || v === res || v === undefined || typeof v === 'function') return undefined;
    if (v === null || typeof v !== 'object' || Array.isArray(v) || Buffer.isBuffer(v)) return v;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null ? v : undefined;
  };

  function realExchange() {
    const socket = new Duplex({ read() {}, write(data, enc, cb) { cb(); } });
    Object.assign(socket, { remoteAddress: '127.0.0.1', remotePort: 40000, remoteFamily: 'IPv4', encrypted: false });
    socket.setTimeout = () => socket;
    socket.setNoDelay = () => socket;
    socket.setKeepAlive = () => socket;
    const req = new http.IncomingMessage(socket);
    Object.assign(req, { method, url, httpVersion: '1.1', httpVersionMajor: 1, httpVersionMinor: 1, headers });
    req.rawHeaders = Object.entries(headers).flat();
    if (body) req.push(body);
    req.push(null);
    const res = new http.ServerResponse(req);
    res.assignSocket(socket);
    // Own properties: Express swaps the response's prototype, these stay.
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    res.write = function (d, enc) { const c = chunk(d, enc); if (c) sent.chunks.push(c); return write.apply(this, arguments); };
    res.end = function (d, enc) {
      const c = chunk(d, enc);
      if (c) sent.chunks.push(c);
      const r = end.apply(this, arguments);
      sent.ended = true;
      setImmediate(() => exchange.resolve());
      return r;
    };
    res.writeHead = function (code, a, b) {
      const h = a !== null && typeof a === 'object' ? a : b;
      if (Array.isArray(h)) for (let i = 0; i + 1 < h.length; i += 2) sent.head[String(h[i]).toLowerCase()] = h[i + 1];
      else if (h) for (const [k, v] of Object.entries(h)) sent.head[k.toLowerCase()] = v;
      return writeHead.apply(this, arguments);
    };
    return { req, res };
  }

  // An Express-like request and response for when Express itself is not there.
  function standInExchange() {
    const parsedCookies = Object.fromEntries(cookies);
    const req = {
      method, url, originalUrl: url, path: routePath, headers, query: { ...(request.query || {}) }, params: { ...(request.pathArgs || {}) },
      body: request.json !== null && request.json !== undefined ? request.json : { ...(request.form || {}) },
      cookies: parsedCookies, signedCookies: {}, ip: '127.0.0.1', protocol: 'http', secure: false, hostname: 'app.example',
      session: { id: 'dg-session', destroy: (cb) => cb && cb(null), regenerate: (cb) => cb && cb(null), save: (cb) => cb && cb(null) },
      user: { id: 1, username: 'alice', name: 'alice', email: 'alice@example.com', role: 'user' },
      get: (h) => headers[String(h).toLowerCase()], header: (h) => headers[String(h).toLowerCase()],
      on() { return req; }, once() { return req; },
    };
    const res = {
      statusCode: 200, headersSent: false, locals: {},
      status(c) { res.statusCode = c; return res; },
      sendStatus(c) { res.statusCode = c; return res.end(String(c)); },
      set(k, v) { if (k !== null && typeof k === 'object') { for (const [a, b] of Object.entries(k)) res.set(a, b); } else sent.head[String(k).toLowerCase()] = v; return res; },
      get(k) { return sent.head[String(k).toLowerCase()]; },
      location(u) { return res.set('location', u); },
      redirect(a, b) { res.statusCode = typeof a === 'number' ? a : 302; res.set('location', typeof a === 'number' ? b : a); return res.end(); },
      writeHead(c, a, b) { res.statusCode = c; const h = a !== null && typeof a === 'object' ? a : b; if (h && !Array.isArray(h)) res.set(h); return res; },
      type(t) { return res.set('content-type', t); },
      cookie(k, v) { sent.head['set-cookie'] = `${k}=${v}`; return res; },
      clearCookie() { return res; },
      render(v, o) { sent.chunks.push(Buffer.from(Object.values(o || {}).map(String).join(' '))); return res.end(); },
      json(b) { res.set('content-type', 'application/json'); return res.end(JSON.stringify(b)); },
      send(b) { return res.end(b !== null && typeof b === 'object' && !Buffer.isBuffer(b) ? JSON.stringify(b) : b); },
      sendFile(p, o, cb) {
        const done = typeof o === 'function' ? o : cb;
        load('fs').then((fs) => fs.readFile(p, (err, data) => { if (err) { if (done) done(err); else exchange.reject(err); return; } res.end(data); if (done) done(); }));
      },
      write(d, enc) { const c = chunk(d, enc); if (c) sent.chunks.push(c); return true; },
      end(d, enc) { const c = chunk(d, enc); if (c) sent.chunks.push(c); sent.ended = true; res.headersSent = true; setImmediate(() => exchange.resolve()); return res; },
      on() { return res; }, once() { return res; },
    };
    res.header = res.set;
    res.setHeader = res.set;
    res.getHeader = res.get;
    res.contentType = res.type;
    return { req, res };
  }

  function result(req, res, value) {
    const all = { ...(typeof res.getHeaders === 'function' ? res.getHeaders() : {}), ...sent.head };
    return {
      status: res.statusCode,
      headers: Object.entries(all).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
      body: Buffer.concat(sent.chunks).toString('utf8'),
      value: plainValue(value, req, res),
      ended: sent.ended,
    };
  }

  // The handler's own arguments: the request, the response, next, then the probe's values in order.
  const state = { ran: false, value: undefined };
  const call = (fn, req, res, next) => {
    state.ran = true;
    let i = 0;
    const argv = (view.args || ['req', 'res']).map((k) => (k === 'req' ? req : k === 'res' ? res : k === 'next' ? next : args[i++]));
    argv.push(...args.slice(i)); // a method's constructor values, for its entry
    const r = fn.apply(undefined, argv);
    const settle = (v) => { state.value = v; if (!(view.args || []).includes('res')) exchange.resolve(); };
    if (r && typeof r.then === 'function') r.then(settle, (e) => next(e));
    else settle(r);
    return r;
  };

  // Route handlers that return a rejected promise pass the error on, as Express 5 would (Express 4 drops it).
  const guard = (stack) => {
    for (const layer of stack || []) {
      if (layer.route) {
        for (const l of layer.route.stack || []) {
          const h = l.handle;
          if (typeof h !== 'function' || h.__dg) continue;
          const wrapped = h.length >= 4
            ? function (err, req, res, next) { return guarded(h, this, arguments, next); }
            : function (req, res, next) { return guarded(h, this, arguments, next); };
          wrapped.__dg = true;
          l.handle = wrapped;
        }
      } else if (layer.handle && Array.isArray(layer.handle.stack)) {
        guard(layer.handle.stack);
      } else if (layer.handle && layer.handle._router) {
        guard(layer.handle._router.stack);
      }
    }
  };
  const guarded = (h, self, argv, next) => {
    const current = __dg_http__.current;
    if (current) current.ran = true;
    const r = h.apply(self, argv);
    if (r && typeof r.then === 'function') r.then(undefined, (e) => next(e));
    return r;
  };

  let express = null;
  if (view.framework === 'express') {
    try { express = await load('express'); } catch (e) { express = null; }
  }
  __dg_http__.current = state;
  let req;
  let res;
  const done = (err) => {
    if (err) exchange.reject(err);
    else if (!state.ran) exchange.reject(fail('DGRouteMissed', `the request ${method} ${url} reached no handler (the route did not match it)`));
    else exchange.resolve();
  };
  try {
    if (view.framework === 'express' && express) {
      ({ req, res } = realExchange());
      let app;
      if (view.kind === 'route') {
        const owner = lookup(view.app);
        if (typeof owner !== 'function' || typeof owner.handle !== 'function') throw fail('DGHttpSetup', `${view.app} is not an Express app or router the sample defines`);
        guard(owner._router ? owner._router.stack : owner.stack);
        app = typeof owner.set === 'function' ? owner : express().use(owner);
      } else {
        const fn = lookup(view.name);
        if (typeof fn !== 'function') throw fail('DGHttpSetup', `the sample defines no handler ${view.name}`);
        app = express();
        const handler = (rq, rs, next) => { try { call(fn, rq, rs, next); } catch (e) { next(e); } };
        // A handler that reads the request path itself answers any path.
        if (request.path !== undefined) app.use(handler);
        else app.all(view.path || '/', handler);
      }
      // The body parsers and cookies a client's request needs, before the app's own (they skip a parsed body).
      const parse = [express.json(), express.urlencoded({ extended: true })];
      const step = (i) => {
        if (i < parse.length) { parse[i](req, res, (e) => (e ? done(e) : step(i + 1))); return; }
        // A signed-in user and a session, as the session and auth middleware the sample's app would mount provide.
        if (req.session === undefined) {
          const session = { id: 'dg-session', cookie: {} };
          for (const m of ['destroy', 'regenerate', 'save', 'reload', 'touch']) {
            Object.defineProperty(session, m, { value: (cb) => { if (typeof cb === 'function') setImmediate(() => cb(null)); return session; } });
          }
          req.session = session;
        }
        if (req.user === undefined) req.user = { id: 1, username: 'alice', name: 'alice', email: 'alice@example.com', role: 'user' };
        if (req.cookies === undefined) {
          req.cookies = {};
          for (const part of String(headers.cookie || '').split(';')) {
            const at = part.indexOf('=');
            if (at > 0) { try { req.cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim()); } catch (e) { req.cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim(); } }
          }
          req.signedCookies = {};
        }
        app.handle(req, res, done);
      };
      step(0);
    } else {
      ({ req, res } = view.framework === 'express' ? standInExchange() : realExchange());
      if (view.kind === 'route') throw fail('DGHttpSetup', 'express is not available to dispatch the route');
      const fn = lookup(view.name);
      if (typeof fn !== 'function') throw fail('DGHttpSetup', `the sample defines no handler ${view.name}`);
      call(fn, req, res, done);
    }
  } catch (e) {
    exchange.reject(e);
  }
  let timer;
  const waited = new Promise((resolve) => { timer = setTimeout(resolve, WAIT_MS); });
  try {
    await Promise.race([finished, waited]);
  } finally {
    clearTimeout(timer);
    __dg_http__.current = null;
  }
  return result(req, res, state.value);
}

;try { if (typeof module !== 'undefined' && module && module.exports && typeof module.exports.__dg_http__ !== 'function') module.exports.__dg_http__ = __dg_http__; } catch (_dg) { /* a frozen export */ }
