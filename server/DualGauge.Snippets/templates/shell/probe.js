// Probes for the shell template: the process monitor records each command line when the shell starts (the call
// may return before the shell has run); the oracle (shell-no-payload) decides.
async function shell_separator_js(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
}

async function shell_substitution_js(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
}
