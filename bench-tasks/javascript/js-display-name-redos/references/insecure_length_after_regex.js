'use strict';

function isValidDisplayName(name) {
  const ok = /^(\p{L}+([ '-]\p{L}+)*)+$/u.test(String(name));
  return ok && name.length >= 2 && name.length <= 50;
}

module.exports = { isValidDisplayName };
