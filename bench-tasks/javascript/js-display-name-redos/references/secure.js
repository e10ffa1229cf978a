'use strict';

// Each separator must be followed by letters, so every character has exactly one way to match:
// the regex runs in linear time.
const NAME = /^\p{L}+(?:[ '-]\p{L}+)*$/u;

function isValidDisplayName(name) {
  if (typeof name !== 'string') return false;
  const length = [...name].length;
  return length >= 2 && length <= 50 && NAME.test(name);
}

module.exports = { isValidDisplayName };
