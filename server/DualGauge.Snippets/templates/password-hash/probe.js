// Probes for the password-hash template: compare with fast digests; hash twice.
const SALT = '0123456789abcdef';

function hashValues(t, p) {
  const values = { [p.input]: p.payload };
  for (const q of t.params) if (q.role === 'salt') values[q.name] = SALT;
  return values;
}

async function fast_hash(ctx, t, p) {
  const r = await t.call(hashValues(t, p));
  if (!r.ok) return;
  const pw = Buffer.from(p.payload);
  const salt = t.hasRole('salt') ? Buffer.from(SALT) : Buffer.alloc(0);
  const fast = new Set();
  for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
    for (const m of [pw, Buffer.concat([salt, pw]), Buffer.concat([pw, salt])]) {
      const d = crypto.createHash(alg).update(m).digest();
      for (const form of [d.toString('hex'), d.toString('hex').toUpperCase(), d.toString('base64'), d.toString('base64url'), d.toString('latin1')]) fast.add(form);
    }
  }
  // The stored form is what the function returns, or what it hands its repository (insert({ passwordHash })).
  const texts = [];
  const walk = (v, depth) => {
    if (v === undefined || v === null || depth > 6) return;
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) texts.push(Buffer.from(v).toString('hex'));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (typeof v === 'object' && !(v instanceof Date)) Object.values(v).forEach((x) => walk(x, depth + 1));
    else texts.push(String(v));
  };
  walk(t.produced(r), 0);
  if (texts.some((x) => fast.has(x) || x === p.payload || x.split(/[$:.]/).some((part) => fast.has(part)))) {
    finding('the password is stored as a fast digest: ' + texts.find((x) => fast.has(x) || x === p.payload || x.split(/[$:.]/).some((part) => fast.has(part))));
  }
}

/** What a call stored: its value, or what it handed its dependencies; only hash-like text (16+ characters) counts. */
function storedForm(t, r, from, to) {
  const text = textOf([r.value, ...t.dependencyCalls.slice(from, to).map((c) => c.args)]);
  return /[A-Za-z0-9+/=$:._-]{16,}/.test(text) ? text : null;
}

async function unsalted_hash(ctx, t, p) {
  const a = await t.call(hashValues(t, p));
  const first = t.dependencyCalls.length;
  const b = await t.call(hashValues(t, p));
  if (!a.ok || !b.ok) return;
  const x = storedForm(t, a, 0, first);
  const y = storedForm(t, b, first);
  // A verifier returns true or false, not a hash: nothing to compare.
  if (x !== null && x === y) finding('the same password hashed to the same value twice: no salt');
}
