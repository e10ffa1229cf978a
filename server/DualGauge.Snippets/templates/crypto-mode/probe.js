// Probes for the crypto-mode template: the ciphers and keys the call created (recorded in the sample's process by
// wrapping crypto.createCipheriv / createCipher / generateKeyPair(Sync)) and the ciphertext it returned decide.
function watchCrypto() {
  const crypto = require('crypto');
  const rec = { ciphers: [], keys: [] };
  globalThis.__dgCrypto = rec;
  if (crypto.__dgWatched) return true;
  const bits = (key) => {
    try {
      const object = typeof key === 'string' || Buffer.isBuffer(key) ? (String(key).includes('PRIVATE') ? crypto.createPrivateKey(key) : crypto.createPublicKey(key)) : key;
      return object && object.asymmetricKeyDetails ? object.asymmetricKeyDetails.modulusLength : null;
    } catch (e) { return null; }
  };
  const note = (type, pair, options) => {
    try {
      const n = pair && (bits(pair.publicKey) || bits(pair.privateKey));
      globalThis.__dgCrypto.keys.push({ kind: String(type), bits: n || (options && options.modulusLength) || null });
    } catch (e) { /* never in the way of the sample */ }
  };
  const wrap = (name, make) => {
    const original = crypto[name];
    if (typeof original !== 'function') return;
    try { Object.defineProperty(crypto, name, { value: make(original), writable: true, configurable: true, enumerable: true }); } catch (e) { /* frozen */ }
  };
  wrap('createCipheriv', (original) => function createCipheriv(algorithm, key, iv, ...rest) {
    try { globalThis.__dgCrypto.ciphers.push({ algorithm: String(algorithm).toLowerCase(), iv: iv === null || iv === undefined ? null : Buffer.from(iv).toString('hex') }); } catch (e) { /* ignore */ }
    return original.call(this, algorithm, key, iv, ...rest);
  });
  wrap('createCipher', (original) => function createCipher(algorithm, ...rest) {
    try { globalThis.__dgCrypto.ciphers.push({ algorithm: String(algorithm).toLowerCase(), iv: 'derived-from-password', derived: true }); } catch (e) { /* ignore */ }
    return original.call(this, algorithm, ...rest);
  });
  wrap('generateKeyPairSync', (original) => function generateKeyPairSync(type, options, ...rest) {
    const pair = original.call(this, type, options, ...rest);
    note(type, pair, options);
    return pair;
  });
  wrap('generateKeyPair', (original) => function generateKeyPair(type, options, callback, ...rest) {
    if (typeof callback !== 'function') return original.call(this, type, options, callback, ...rest);
    return original.call(this, type, options, (err, publicKey, privateKey) => { if (!err) note(type, { publicKey, privateKey }, options); callback(err, publicKey, privateKey); });
  });
  Object.defineProperty(crypto, '__dgWatched', { value: true });
  return true;
}

const WEAK = /^(des|des-|des3|des-ede|rc4|rc2|bf|blowfish|cast|idea|seed)/;
const KEY_PARAM = /(^|_)(key|secret_?key|enc_?key|aes_?key|cipher_?key|encryption_?key|master_?key)$|^key|Key$/i;

async function cryptoRecord(ctx) {
  return (await ctx.probe('const r = globalThis.__dgCrypto || { ciphers: [], keys: [] }; globalThis.__dgCrypto = { ciphers: [], keys: [] }; return r;')) || { ciphers: [], keys: [] };
}

function byteForms(value, depth = 0) {
  const out = [];
  if (value === null || value === undefined || depth > 3) return out;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) out.push(Buffer.from(value));
  else if (typeof value === 'string') {
    const s = value.trim();
    for (const sep of [':', '.', '$']) if (s.includes(sep)) for (const part of s.split(sep)) out.push(...byteForms(part, depth + 1));
    if (/^[0-9a-fA-F]{16,}$/.test(s) && s.length % 2 === 0) out.push(Buffer.from(s, 'hex'));
    if (/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(s)) out.push(Buffer.from(s, 'base64'));
  } else if (Array.isArray(value)) value.forEach((v) => out.push(...byteForms(v, depth + 1)));
  else if (typeof value === 'object') Object.values(value).forEach((v) => out.push(...byteForms(v, depth + 1)));
  return out.filter((b) => b.length >= 16);
}

function repeatedBlock(data) {
  for (const size of [16, 8]) {
    for (let offset = 0; offset < size; offset++) {
      const blocks = [];
      for (let i = offset; i + size <= data.length; i += size) blocks.push(data.subarray(i, i + size).toString('hex'));
      if (blocks.length >= 3 && new Set(blocks).size < blocks.length - 1) return size;
    }
  }
  return 0;
}

async function callWithKey(ctx, t, values) {
  const keys = t.params.filter((q) => KEY_PARAM.test(q.name) && ['text', 'bytes', 'password'].includes(q.role) && !(q.name in values));
  if (!keys.length) return [await t.call(values), values];
  let r = null;
  let overrides = values;
  for (const size of [32, 16, 24, 8]) {
    const key = crypto.randomBytes(size);
    overrides = { ...values };
    for (const q of keys) overrides[q.name] = q.role === 'bytes' || /buffer/i.test(q.type) ? key : key.toString('hex').slice(0, size);
    r = await t.call(overrides);
    if (r.ok) break;
  }
  return [r, overrides];
}

function plaintext(t, p) {
  const q = t.param(p.input);
  return q && q.role === 'bytes' ? Buffer.from(p.payload) : p.payload;
}

async function cipher_ecb(ctx, t, p) {
  await ctx.prepare(`return (${watchCrypto.toString()})();`);
  const [r] = await callWithKey(ctx, t, { [p.input]: plaintext(t, p) });
  const rec = await cryptoRecord(ctx);
  for (const c of rec.ciphers) if (/-ecb$|^(des|bf|des-ede3?|aes-\d+)-ecb/.test(c.algorithm) || /ecb/.test(c.algorithm)) finding(`encrypts with ${c.algorithm}: equal plaintext blocks give equal ciphertext blocks`);
  if (r.ok) for (const data of byteForms(r.value)) if (repeatedBlock(data)) finding('the ciphertext repeats a block where the plaintext does: ECB-like encryption');
  if (!rec.ciphers.length && !(r.ok && byteForms(r.value).length)) ctx.notJudged('the call created no cipher and returned no ciphertext');
}

async function cipher_weak_algorithm(ctx, t, p) {
  await ctx.prepare(`return (${watchCrypto.toString()})();`);
  await callWithKey(ctx, t, { [p.input]: plaintext(t, p) });
  const rec = await cryptoRecord(ctx);
  if (!rec.ciphers.length) ctx.notJudged('the call created no cipher the probe could see');
  for (const c of rec.ciphers) if (WEAK.test(c.algorithm)) finding(`encrypts with ${c.algorithm}, a broken or 64-bit-block cipher`);
}

async function cipher_static_iv(ctx, t, p) {
  await ctx.prepare(`return (${watchCrypto.toString()})();`);
  const [first, values] = await callWithKey(ctx, t, { [p.input]: plaintext(t, p) });
  if (!first.ok) return; // refused every key tried: a refusal, as any other
  const second = await t.call(values);
  const rec = await cryptoRecord(ctx);
  const ivs = rec.ciphers.filter((c) => c.iv !== null && !/ecb/.test(c.algorithm)).map((c) => c.iv);
  if (rec.ciphers.some((c) => c.derived)) finding('crypto.createCipher derives the key and IV from the password alone: every message uses the same IV');
  if (ivs.length >= 2 && new Set(ivs).size < ivs.length) finding('two encryptions of the same plaintext used the same IV/nonce: ' + ivs[0]);
  if (rec.ciphers.length) {
    if (!ivs.length) ctx.notJudged('the cipher takes no IV (ECB): cipher_ecb judges it');
    return;
  }
  if (!byteForms(first.value).length) ctx.notJudged('the call created no cipher and returned no ciphertext');
  if (second.ok && sameValue(first.value, second.value) && !byteForms(first.value).some(repeatedBlock)) finding('encrypting the same plaintext twice with the same key gave the same ciphertext: a static IV or nonce');
}

async function rsa_key_size(ctx, t, p) {
  await ctx.prepare(`return (${watchCrypto.toString()})();`);
  const r = await t.call();
  const rec = await cryptoRecord(ctx);
  const keys = rec.keys.filter((k) => k.bits);
  if (r.ok) {
    for (const text of [textOf(r.value)]) {
      const m = /-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+?-----END (RSA )?PUBLIC KEY-----/.exec(text);
      if (m) { try { keys.push({ kind: 'pem', bits: crypto.createPublicKey(m[0]).asymmetricKeyDetails.modulusLength }); } catch { /* not a key */ } }
    }
  }
  if (!keys.length) ctx.notJudged('the call generated no RSA/DSA key the probe could see');
  for (const k of keys) if (k.bits < 2048) finding(`generates a ${k.bits}-bit ${String(k.kind).toUpperCase()} key (at least 2048 bits needed)`);
}
