// Probes for the temp-file template: a symlink planted at the fixed temporary path the code used on a first call,
// and whether its target appears on the second.
/** The temporary folder's files, and the files in folders the call made there (`known`: the folders there before). */
function tmpList(known) {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const base = os.tmpdir();
  const out = [];
  const dirs = [];
  for (const name of fs.readdirSync(base)) {
    const p = path.join(base, name);
    try {
      const st = fs.lstatSync(p);
      if (st.isFile()) out.push([p, st.mtimeMs]);
      else if (st.isDirectory()) {
        dirs.push(p);
        if (known && !known.includes(p)) for (const n of fs.readdirSync(p)) { const q = path.join(p, n); const s = fs.lstatSync(q); if (s.isFile()) out.push([q, s.mtimeMs]); }
      }
    } catch (e) { /* gone */ }
  }
  return [out, dirs];
}

function plant(paths, target) {
  const fs = require('fs');
  for (const p of paths) { try { fs.unlinkSync(p); fs.symlinkSync(target, p); } catch (e) { /* raced */ } }
  return true;
}

async function tempfile_symlink_race(ctx, t, p) {
  const target = path.join(ctx.workdir, 'dg-planted-target.txt');
  const list = `return (${tmpList.toString()})(args[0]);`;
  const [files, dirs] = await ctx.probe(list, null);
  // New files, or files the call wrote (an earlier test of the same function may have made a fixed-name one).
  const before = new Map(files);
  await t.call();
  const created = (await ctx.probe(list, dirs))[0].filter(([f, m]) => before.get(f) !== m).map(([f]) => f);
  if (!created.length) ctx.notJudged('the call created no file in the temporary folder');
  await ctx.probe(`return (${plant.toString()})(args[0], args[1]);`, created, target);
  await t.call();
  if (await ctx.probe("return require('fs').existsSync(args[0]);", target)) {
    finding(`wrote through a symlink planted at its fixed temporary path ${path.basename(created[0])}: the path is predictable and opened without exclusive creation`);
  }
}
