'use strict';

function isValidDisplayName(name) {
  return typeof name === 'string' && name.length >= 2 && name.length <= 50 && /^[A-Za-z]+(?:[ '-][A-Za-z]+)*$/.test(name);
}

module.exports = { isValidDisplayName };
