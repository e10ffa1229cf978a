// Probes for the regex template: the duration oracle (max-duration) decides.
async function redos_letters(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
}

async function redos_digits(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
}
