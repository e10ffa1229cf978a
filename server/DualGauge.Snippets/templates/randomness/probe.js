// Probes for the randomness template: Math.random pinned to one value (and the clock stopped) must not give the
// same token twice. Both are replaced where the sample runs (the tests run in a process of their own), and restored.
async function predictable_random(ctx, t, p) {
  const a = await t.call();
  const b = await t.call();
  if (!a.ok || !b.ok) return;
  if (sameValue(a.value, b.value)) ctx.notJudged('the result is the same on every call: it does not carry a random token');
  await ctx.prepare('globalThis.__dgRandom = [Math.random, Date.now]; Math.random = () => 0.4242; Date.now = () => 1700000000000;');
  let c;
  let d;
  try {
    c = await t.call();
    d = await t.call();
  } finally {
    await ctx.prepare('if (globalThis.__dgRandom) [Math.random, Date.now] = globalThis.__dgRandom;');
  }
  if (c.ok && d.ok && sameValue(c.value, d.value)) finding('the token depends only on Math.random: ' + util.inspect(c.value));
}
