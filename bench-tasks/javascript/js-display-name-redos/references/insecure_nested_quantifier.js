'use strict';

function isValidDisplayName(name) {
  if (typeof name !== 'string' || name.length < 2 || name.length > 50) return false;
  if (/^[ '-]|[ '-]$|[ '-]{2}/.test(name)) return false;
  return /^([\p{L}]+[ '-]?)+$/u.test(name);
}

module.exports = { isValidDisplayName };
