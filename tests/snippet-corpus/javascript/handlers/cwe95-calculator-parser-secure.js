// corpus: label=secure cwe=CWE-95 function=calculate
// Evaluates + - * / and parentheses with a tiny recursive-descent parser.
function evaluateArithmetic(src) {
  const tokens = src.match(/\d+(?:\.\d+)?|[-+*/()]/g) || [];
  if (tokens.join('') !== src.replace(/\s+/g, '')) throw new Error('unexpected character');
  let i = 0;
  const peek = () => tokens[i];
  const factor = () => {
    const t = tokens[i++];
    if (t === '(') { const v = expr(); if (tokens[i++] !== ')') throw new Error('missing )'); return v; }
    if (t === '-') return -factor();
    if (t !== undefined && /^\d/.test(t)) return Number(t);
    throw new Error('unexpected token');
  };
  const term = () => {
    let v = factor();
    while (peek() === '*' || peek() === '/') v = tokens[i++] === '*' ? v * factor() : v / factor();
    return v;
  };
  const expr = () => {
    let v = term();
    while (peek() === '+' || peek() === '-') v = tokens[i++] === '+' ? v + term() : v - term();
    return v;
  };
  const value = expr();
  if (i !== tokens.length) throw new Error('trailing input');
  return value;
}

// POST /api/calculate { expression }
function calculate(req, res) {
  const { expression } = req.body || {};
  if (typeof expression !== 'string' || expression.length > 200) {
    return res.status(400).json({ error: 'expression must be a short string' });
  }
  try {
    res.json({ expression, result: evaluateArithmetic(expression) });
  } catch (err) {
    res.status(422).json({ error: err.message });
  }
}

module.exports = { calculate, evaluateArithmetic };
