function parse_age(text) {
  if (typeof text !== 'string' || !/^[0-9]{1,3}$/.test(text)) return 'Error: Invalid input';
  const value = Number(text);
  return value <= 150 ? value : 'Error: Invalid input';
}
module.exports = { parse_age };
