'use strict';

function tokenize(src) {
  const tokens = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new Error(`unexpected character at ${i}: ${JSON.stringify(src.slice(i, i + 10))}`);
    tokens.push(m[1] !== undefined ? { t: 'num', v: Number(m[1]) } : m[2] !== undefined ? { t: 'id', v: m[2] } : { t: m[3] });
    i = re.lastIndex;
  }
  return tokens;
}

// A recursive-descent evaluator: the formula is data, never code.
function evaluateFormula(formula, vars) {
  const tokens = tokenize(String(formula));
  let pos = 0;
  const peek = () => tokens[pos] && tokens[pos].t;
  const expect = (t) => { if (peek() !== t) throw new Error(`expected ${t}`); pos++; };
  function primary() {
    const tok = tokens[pos++];
    if (!tok) throw new Error('unexpected end of formula');
    if (tok.t === 'num') return tok.v;
    if (tok.t === 'id') {
      if (!Object.prototype.hasOwnProperty.call(vars, tok.v) || typeof vars[tok.v] !== 'number') throw new Error(`unknown variable ${tok.v}`);
      return vars[tok.v];
    }
    if (tok.t === '(') { const v = sum(); expect(')'); return v; }
    if (tok.t === '-') return -primary();
    throw new Error(`unexpected ${tok.t}`);
  }
  function product() {
    let v = primary();
    while (peek() === '*' || peek() === '/') v = tokens[pos++].t === '*' ? v * primary() : v / primary();
    return v;
  }
  function sum() {
    let v = product();
    while (peek() === '+' || peek() === '-') v = tokens[pos++].t === '+' ? v + product() : v - product();
    return v;
  }
  const result = sum();
  if (pos !== tokens.length) throw new Error(`unexpected ${tokens[pos].t} after the formula`);
  return result;
}

module.exports = { evaluateFormula };
