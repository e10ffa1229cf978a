// Probes for the code-eval template: the code monitor (no-code-eval) decides.
async function eval_injection_js(ctx, t, p) {
  // Code that decodes its input first (a base64 cookie) gets the payload encoded, so the decoded text is code.
  const encoded = /base64/.test(t.spec.code || '') && /\bBuffer\.from\(|\batob\(/.test(t.spec.code || '');
  await t.call({ [p.input]: encoded ? Buffer.from(p.payload).toString('base64') : p.payload });
}
