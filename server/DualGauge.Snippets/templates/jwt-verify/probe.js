// Probes for the jwt-verify template: forged tokens, and whether the function's result carries their claims.
function b64url(data) {
  return Buffer.from(data).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function forgedToken(kind) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'dg-attacker', userId: 'dg-attacker', user_id: 'dg-attacker', username: 'dg-attacker', email: 'dg-attacker@evil.example', role: 'admin', roles: ['admin'], iat: now - 10, exp: now + 3600 };
  const header = kind === 'none' ? { alg: 'none', typ: 'JWT' } : { alg: 'HS256', typ: 'JWT' };
  const signing = b64url(JSON.stringify(header)) + '.' + b64url(JSON.stringify(claims));
  if (kind === 'none') return signing + '.';
  return signing + '.' + b64url(crypto.createHmac('sha256', 'dg-not-the-server-key').update(signing).digest());
}

function accepted(value) {
  if (isResponse(value)) return value.status < 400 && textOf(value.body).includes('dg-attacker');
  return textOf(value).includes('dg-attacker');
}

async function jwtProbe(ctx, t, p, kind) {
  let token = forgedToken(kind);
  const q = t.param(p.input);
  if (q && (q.name.toLowerCase() === 'authorization' || q.where === 'headers')) token = 'Bearer ' + token;
  await ctx.prepare("process.env.JWT_SECRET = process.env.JWT_SECRET || 'dg-server-secret-value';");
  const r = await t.call({ [p.input]: token });
  if (r.ok && accepted(r.value)) finding(`${kind === 'none' ? 'an unsigned alg=none token' : 'a token signed with the wrong key'} was accepted: its forged claims (sub=dg-attacker) came back`);
}

async function jwt_alg_none(ctx, t, p) {
  await jwtProbe(ctx, t, p, 'none');
}

async function jwt_wrong_key(ctx, t, p) {
  await jwtProbe(ctx, t, p, 'wrong-key');
}
