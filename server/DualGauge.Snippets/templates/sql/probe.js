// Probes for the sql template. With a real node-sqlite3 database (a parameter, or a file the module opens) the
// harness's SQL monitor sees every statement the engine runs and the oracle (sql-no-payload) decides; the SQL text
// the sample hands the driver is read too, so a statement the payload broke (a syntax error a handler answers with
// a 500) still counts. A stand-in database (a pg or mysql-style client the sandbox has no server for) records the
// statements it is given; this probe judges those, and says "not judged" when the stand-in saw no statement at all.
async function sqlProbe(ctx, t, p) {
  await t.call({ [p.input]: p.payload });
  const seen = [...(t.standIn ? t.standIn.statements : []), ...(await t.sqlTexts())];
  const hit = seen.find((s) => sqlOutsideLiterals(s.sql, p.payload));
  if (hit) finding(`payload ${p.payload} reached the SQL text at solution.js:${hit.line}: ${hit.sql.replace(/\s+/g, ' ').trim()}`);
  if (t.standIn !== null && t.standIn.statements.length === 0) {
    // The attack reached no statement: the function refused it only if benign input does reach one.
    await t.call();
    if (t.standIn.statements.length === 0) ctx.notJudged('the payload never reached the query');
  }
}

async function sql_tautology(ctx, t, p) {
  await sqlProbe(ctx, t, p);
}

async function sql_numeric(ctx, t, p) {
  await sqlProbe(ctx, t, p);
}
