// Probes for the prototype-pollution template: whether a fresh object in the sample's process inherits the
// payload's property after the call decides. The property is deleted again after every look.
const POLLUTED = 'const o = {}; const v = o.dgPolluted; delete Object.prototype.dgPolluted; return v === undefined ? null : String(v);';

async function pollutedAfter(ctx, t, overrides) {
  await ctx.probe('delete Object.prototype.dgPolluted; return null;');
  const r = await t.call(overrides);
  const value = await ctx.probe(POLLUTED);
  return [r, value];
}

/** The payload object, built where the sample runs, behind a proxy that notes whether the function read its keys. */
function watchedPayload(json) {
  const g = globalThis;
  g.__dgKeysRead = false;
  const wrap = (target) => new Proxy(target, {
    ownKeys(o) { g.__dgKeysRead = true; return Reflect.ownKeys(o); },
    get(o, k, receiver) {
      if (typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k)) {
        g.__dgKeysRead = true;
        const v = o[k];
        return v !== null && typeof v === 'object' ? wrap(v) : v;
      }
      return Reflect.get(o, k, receiver);
    },
  });
  return wrap(JSON.parse(json));
}

/** Notes whether the function parsed the payload text with JSON.parse (its keys then reach it as an object). */
function watchJsonParse(text) {
  const g = globalThis;
  g.__dgKeysRead = false;
  if (!g.__dgJsonParse) {
    g.__dgJsonParse = JSON.parse;
    JSON.parse = function parse(s, ...rest) { if (s === g.__dgJsonText) g.__dgKeysRead = true; return g.__dgJsonParse.call(this, s, ...rest); };
  }
  g.__dgJsonText = text;
  return true;
}

/** The object merged or written into gets a plain object (a string there would walk into String.prototype instead). */
async function objectTargets(ctx, t, input) {
  const out = {};
  for (const other of t.params) {
    if (other.name !== input && other.where === 'arg' && ['text', 'map'].includes(other.role) && /^(target|dest|destination|dst|base|defaults|obj|object|into|to|a|left|original|current|existing|state|acc|out|result|root|tree|doc|document|config|settings|prefs|store)$/i.test(other.name)) {
      out[other.name] = await ctx.handle('return {};');
    }
  }
  return out;
}

async function objectProbe(ctx, t, p) {
  const q = t.param(p.input);
  let payload;
  let watched = true;
  if (q && q.where !== 'arg' && q.where !== 'prop') {
    payload = JSON.parse(p.payload); // a request field the planner saw the handler read: the body parser builds the own key
    watched = false;
  } else if (q && q.role === 'text' && /json|raw|text|str|body|query/i.test(q.name)) {
    await ctx.prepare(`return (${watchJsonParse.toString()})(args[0]);`, p.payload);
    payload = p.payload; // a JSON text the function parses
  } else {
    payload = await ctx.handle(`return (${watchedPayload.toString()})(args[0]);`, p.payload);
  }
  // A control call with harmless nested keys: a function that refuses the attack but merges these did run.
  const safe = '{"dgSafe": {"nested": "yes"}}';
  const control = !watched ? JSON.parse(safe) : typeof payload === 'string' ? safe : await ctx.handle('return JSON.parse(args[0]);', safe);
  await t.call({ [p.input]: control, ...(await objectTargets(ctx, t, p.input)) });
  if (watched && q && q.role === 'text' && typeof payload === 'string') await ctx.prepare(`return (${watchJsonParse.toString()})(args[0]);`, p.payload);
  const overrides = { [p.input]: payload, ...(await objectTargets(ctx, t, p.input)) };
  const [r, value] = await pollutedAfter(ctx, t, overrides);
  if (value !== null) finding(`after the call every object has dgPolluted = ${value}: the input wrote to Object.prototype`);
  const read = watched ? await ctx.probe('return Boolean(globalThis.__dgKeysRead);') : true;
  if (!read && r.ok) ctx.notJudged(`the function never read the keys of ${p.input}: no evidence of what it does with them`);
}

async function proto_pollution_object(ctx, t, p) {
  await objectProbe(ctx, t, p);
}

async function proto_pollution_constructor(ctx, t, p) {
  await objectProbe(ctx, t, p);
}

async function proto_pollution_path(ctx, t, p) {
  // A control call with a harmless path: a function that refuses the attack but sets this one did run.
  const control = { [p.input]: 'dgSafe.nested', ...(await objectTargets(ctx, t, p.input)) };
  for (const q of t.params) if (q.name !== p.input && /^(value|val|v|newValue|new_value)$/i.test(q.name)) control[q.name] = 'yes';
  await t.call(control);
  for (const path of [p.payload, 'constructor.prototype.dgPolluted']) {
    const overrides = { [p.input]: path, ...(await objectTargets(ctx, t, p.input)) };
    // A value input next to the path: the polluting value.
    for (const q of t.params) if (q.name !== p.input && /^(value|val|v|newValue|new_value)$/i.test(q.name)) overrides[q.name] = 'yes';
    const [, value] = await pollutedAfter(ctx, t, overrides);
    if (value !== null) finding(`after setting the path ${path} every object has dgPolluted = ${value}: the path walked into Object.prototype`);
  }
}
