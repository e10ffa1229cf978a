// Probes for the path template: the file monitor (files-within) decides.
async function path_traversal(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
}

async function path_absolute(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
}
