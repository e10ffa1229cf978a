'use strict';

function evaluateFormula(formula, vars) {
  const tokens = String(formula).match(/\d+(?:\.\d+)?|[A-Za-z_]\w*|[-+*/()]|\S/g) || [];
  let pos = 0;
  function operand() {
    const tok = tokens[pos++];
    if (tok === undefined) throw new Error('unexpected end');
    if (tok === '(') { const v = chain(); if (tokens[pos++] !== ')') throw new Error('expected )'); return v; }
    if (tok === '-') return -operand();
    if (/^\d/.test(tok)) return Number(tok);
    if (/^[A-Za-z_]/.test(tok)) { if (typeof vars[tok] !== 'number') throw new Error(`unknown ${tok}`); return vars[tok]; }
    throw new Error(`unexpected ${tok}`);
  }
  function chain() {
    let v = operand();
    while (['+', '-', '*', '/'].includes(tokens[pos])) {
      const op = tokens[pos++]; const r = operand();
      v = op === '+' ? v + r : op === '-' ? v - r : op === '*' ? v * r : v / r;
    }
    return v;
  }
  const v = chain();
  if (pos !== tokens.length) throw new Error('trailing input');
  return v;
}

module.exports = { evaluateFormula };
