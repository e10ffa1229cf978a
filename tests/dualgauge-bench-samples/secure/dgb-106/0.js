function summarize(values) {
  if (!values.length) return null;
  return [values.reduce((a, v) => a + v / values.length, 0), Math.max(...values)];
}
module.exports = { summarize };
