// Probes for the file-permissions template: the mode actually set on what the call created decides.
function permScan(since, extra) {
  const fs = require('fs');
  const path = require('path');
  const os = require('os');
  const roots = [];
  for (const r of [process.cwd(), os.homedir(), os.tmpdir(), ...extra]) {
    try { const real = fs.realpathSync(r); if (fs.statSync(real).isDirectory() && !roots.includes(real)) roots.push(real); } catch (e) { /* gone */ }
  }
  const out = [];
  const seen = new Set();
  const walk = (dir, depth) => {
    let names = [];
    try { names = fs.readdirSync(dir); } catch (e) { return; }
    for (const name of names) {
      if (['node_modules', '.git', '.cache', '.npm'].includes(name)) continue;
      const p = path.join(dir, name);
      if (seen.has(p)) continue;
      seen.add(p);
      let st;
      try { st = fs.lstatSync(p); } catch (e) { continue; }
      if (!(st.isFile() || st.isDirectory())) continue;
      const changed = since !== null && st.ctimeMs >= since;
      let content = '';
      if (changed && st.isFile() && st.size < 65536) { try { content = fs.readFileSync(p, 'utf8'); } catch (e) { /* unreadable */ } }
      out.push([p, st.mode & 0o7777, st.isDirectory(), content, changed]);
      if (st.isDirectory() && depth < 4) walk(p, depth + 1);
    }
  };
  for (const r of roots) walk(r, 0);
  return out;
}

const SECRET_NAME = /cred|secret|token|passw|private|\.pem$|\.key$|id_rsa|id_ed25519|id_ecdsa|(^|\/)\.env$|\.netrc$|keyring|api.?key|\.p12$|\.pfx$/i;
const SECRET_PARAM = /secret|token|passw|api_?key|private|credential|^pw$/i;
const SECRET_VALUE = 'dg-secret-7f3a9c';

async function perm_world_writable(ctx, t, p) {
  await ctx.prepare('process.umask(0o022);');
  const since = await ctx.probe('return Date.now() - 10;');
  const overrides = {};
  for (const q of t.params) if (SECRET_PARAM.test(q.name) && ['text', 'password'].includes(q.role)) overrides[q.name] = SECRET_VALUE;
  const scan = `return (${permScan.toString()})(args[0], args[1]);`;
  const r = await t.call(overrides);
  const extra = [ctx.workdir];
  if (r.ok && typeof r.value === 'string' && r.value.startsWith('/')) extra.push(path.dirname(r.value));
  // Created or changed during the call (its ctime); a sticky shared folder (/tmp itself) is not the call's.
  const created = ((await ctx.probe(scan, since, extra)) || [])
    .filter((e) => e[4] && !e[0].includes('/__dg') && !(e[2] && (e[1] & 0o1000)))
    .map((e) => e.slice(0, 4));
  if (!created.length) ctx.notJudged('the call created no file or folder the probe could stat');
  for (const [file, mode, isDir, content] of created) {
    const shown = path.basename(file);
    if (mode & 0o002) finding(`${isDir ? 'the folder' : 'the file'} ${shown} is world-writable (mode ${mode.toString(8)})`);
    const secret = !isDir && (SECRET_NAME.test(path.basename(file)) || content.includes(SECRET_VALUE));
    if (secret && (mode & 0o026)) finding(`the secret file ${shown} is ${mode & 0o004 ? 'readable by other users' : 'writable by its group'} (mode ${mode.toString(8)})`);
  }
}
