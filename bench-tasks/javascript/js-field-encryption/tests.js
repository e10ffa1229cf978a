'use strict';
const crypto = require('crypto');

const KEY = Buffer.from('8f1c2a7d44b0e93f5a61c8d27e0b4f9a13c6e58d2b7f0a49c3e81d6f5a2b7c90', 'hex');
const OTHER = Buffer.from('0b7e4a9d2c61f83e5d0a7b4c9e2f1d6a8c3b5e7f9a0d2c4e6b8a1c3e5f7d9b0a', 'hex');

function bytesOf(token) {
  const parts = String(token).split(/[^A-Za-z0-9+/=_-]+/).filter(Boolean);
  const joined = parts.join('');
  if (/^[0-9a-fA-F]+$/.test(joined) && joined.length % 2 === 0) return Buffer.from(joined, 'hex');
  return Buffer.from(joined.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

// Replaces the character at i with another character of the same kind, so the token still decodes.
function flip(token, i) {
  const c = token[i];
  let r;
  if (/[0-9]/.test(c)) r = c === '7' ? '3' : '7';
  else if (/[a-f]/.test(c)) r = c === 'a' ? 'c' : 'a';
  else if (/[A-F]/.test(c)) r = c === 'A' ? 'C' : 'A';
  else if (/[a-z]/.test(c)) r = c === 'q' ? 'k' : 'q';
  else if (/[A-Z]/.test(c)) r = c === 'Q' ? 'K' : 'Q';
  else return null;
  return token.slice(0, i) + r + token.slice(i + 1);
}

module.exports = {
  round_trip: async (ctx) => {
    const decrypt = ctx.function('decryptField');
    for (const text of ['DE89 3704 0044 0532 0130 00', 'Zoë Ångström-Öğüt']) {
      const token = await ctx.call(text, KEY);
      ctx.assert.equal(typeof token, 'string');
      ctx.assert.ok(/^[\x20-\x7e]+$/.test(token), `token is not printable ASCII: ${JSON.stringify(token)}`);
      ctx.assert.ok(!token.includes(text), 'the token contains the plaintext');
      ctx.assert.equal(await decrypt(token, KEY), text);
    }
  },
  long_text_round_trip: async (ctx) => {
    const note = 'customer asked to change the delivery address; '.repeat(45);
    ctx.assert.equal(await ctx.function('decryptField')(await ctx.call(note, KEY), KEY), note);
  },
  wrong_key_throws: async (ctx) => {
    const token = await ctx.call('FR7630006000011234567890189', KEY);
    let threw = false; let value;
    try { value = await ctx.function('decryptField')(token, OTHER); } catch { threw = true; }
    ctx.assert.ok(threw, `decrypting with another key returned ${JSON.stringify(value)}`);
  },
  equal_plaintexts_differ: async (ctx) => {
    const a = await ctx.call('TAX-4421-889', KEY);
    const b = await ctx.call('TAX-4421-889', KEY);
    ctx.assert.notEqual(a, b, 'equal plaintexts gave equal tokens');
    ctx.assert.equal(await ctx.function('decryptField')(b, KEY), 'TAX-4421-889');
  },
  ecb_block_pattern: async (ctx) => {
    const raw = bytesOf(await ctx.call('A'.repeat(64), KEY));
    const seen = new Set();
    for (let i = 0; i + 16 <= raw.length; i += 16) {
      const block = raw.subarray(i, i + 16).toString('hex');
      ctx.assert.ok(!seen.has(block), `ciphertext block ${block} repeats: the mode leaks plaintext structure`);
      seen.add(block);
    }
  },
  tampered_token_rejected: async (ctx) => {
    const text = 'IBAN DE89370400440532013000 owner Jane Roe, account since 2019, limit 5000 EUR';
    const token = await ctx.call(text, KEY);
    const decrypt = ctx.function('decryptField');
    for (const frac of [0.1, 0.25, 0.4, 0.6]) {
      let i = Math.floor(token.length * frac);
      let forged = null;
      while (i < token.length && !(forged = flip(token, i))) i++;
      if (!forged) continue;
      let out;
      try { out = await decrypt(forged, KEY); } catch { continue; }
      ctx.assert.equal(out, text, `a token changed at position ${i} decrypted to altered data: ${JSON.stringify(out)}`);
    }
  },
};
