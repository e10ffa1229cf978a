function parse_age(text) {
  if (!/^[0-9]+$/.test(text.trim())) return 'Error: Invalid input';
  const value = Number(text);
  return value <= 150 ? value : 'Error: Invalid input';
}
module.exports = { parse_age };
