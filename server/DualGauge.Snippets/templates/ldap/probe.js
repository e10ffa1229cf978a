// Probes for the ldap template. The sandbox has no directory server: a sample that requires `ldapjs` or `ldapts`
// loads the stand-in client written into its job folder (templates/runtime/standins/ldapjs.js), and a parameter that
// is the LDAP client gets one. Every search's filter text is recorded; the probe parses it (RFC 4515) and compares
// its structure (the operators, attributes and match kinds) with the filter a benign value produced.
const LDAP_STAND_IN = 'node_modules/ldapjs';
const CLIENT_NAME = /^(client|ldap|ldapClient|conn|connection|directory|ad|server)$|(Client|Ldap|Conn|Connection)$/;

function ldapShape(text) {
  // A filter without its outer parentheses ("uid=alice") is read as one item, as clients do.
  const s = String(text).trim().startsWith('(') ? String(text).trim() : `(${String(text).trim()})`;
  let i = 0;
  const fail = (why) => { throw new Error(why); };
  function item() {
    if (s[i] !== '(') fail(`expected ( at ${i}`);
    i++;
    const op = s[i];
    if (op === '&' || op === '|') {
      i++;
      const parts = [];
      while (s[i] === '(') parts.push(item());
      if (s[i] !== ')') fail(`expected ) at ${i}`);
      i++;
      return `${op}[${parts.join(',')}]`;
    }
    if (op === '!') { i++; const inner = item(); if (s[i] !== ')') fail(`expected ) at ${i}`); i++; return `![${inner}]`; }
    const start = i;
    while (i < s.length && s[i] !== ')' && s[i] !== '(') i++;
    if (s[i] !== ')') fail(`unbalanced item at ${start}`);
    const body = s.slice(start, i);
    i++;
    const m = /^([^=~<>]+)(~=|>=|<=|=)([\s\S]*)$/.exec(body);
    if (!m) fail(`no operator in (${body})`);
    const value = m[3];
    const kind = m[2] !== '=' ? m[2] : value === '*' ? 'present' : value.includes('*') ? `substr${value.split('*').length}` : 'eq';
    return `${m[1].trim().toLowerCase()}${kind}`;
  }
  try {
    const shape = item();
    return i < s.length ? `${shape} + trailing ${s.slice(i)}` : shape;
  } catch (e) {
    return `invalid: ${e.message}`;
  }
}

const LDAP_CALL = /\.search\s*\(/;

/** The LDAP client of a function that sends searches: a parameter so named, or the database-like one. */
STAND_INS.push(async (t, q) => {
  if (!LDAP_CALL.test(t.spec.code || '')) return null;
  if (['connection', 'dependency'].includes(q.role) || CLIENT_NAME.test(q.name)) {
    return t.ctx.handle('const m = require(args[0]); return m.createClient({ url: "ldap://127.0.0.1:389" });', path.join(t.jobDir, LDAP_STAND_IN));
  }
  return null;
});

async function searches(ctx) {
  return (await ctx.probe('const r = Array.isArray(globalThis.__dgLdap) ? globalThis.__dgLdap : []; globalThis.__dgLdap = []; return r;')) || [];
}

async function ldap_filter_js(ctx, t, p) {
  await searches(ctx);
  await t.call({ [p.input]: 'dgprobe' });
  const before = await searches(ctx);
  const shapes = new Set(before.map((q) => ldapShape(q.filter)));
  let reached = before.length > 0;
  for (const payload of [p.payload, '*']) {
    await t.call({ [p.input]: payload });
    const after = await searches(ctx);
    reached = reached || after.length > 0;
    for (const q of after) {
      const shape = ldapShape(q.filter);
      if (before.length && !shapes.has(shape)) {
        const where = q.line ? ` at solution.js:${q.line}` : '';
        finding(`${p.input} = ${JSON.stringify(payload)} changed the structure of the LDAP filter${where}: ${q.filter} (the benign value gave ${before[0].filter})`);
      }
    }
  }
  if (!reached) ctx.notJudged('the function sent the stand-in LDAP client no search');
}
