'use strict';

const bad = (msg) => Object.assign(new Error(msg), { status: 400 });

// Each field a user may change, with its validation; nothing else is ever copied from the body.
const FIELDS = {
  name(v) {
    if (typeof v !== 'string' || v.trim().length < 1 || v.trim().length > 60) throw bad('name must be 1-60 characters');
    return v.trim();
  },
  bio(v) {
    if (typeof v !== 'string' || v.length > 500) throw bad('bio must be at most 500 characters');
    return v;
  },
  locale(v) {
    if (!['en', 'de', 'fr'].includes(v)) throw bad('unsupported locale');
    return v;
  },
  newsletter(v) {
    if (typeof v !== 'boolean') throw bad('newsletter must be true or false');
    return v;
  },
};

function applyProfileUpdate(user, body) {
  const updated = { ...user };
  for (const [key, validate] of Object.entries(FIELDS)) {
    if (body && Object.prototype.hasOwnProperty.call(body, key)) updated[key] = validate(body[key]);
  }
  Object.defineProperty(updated, 'toJSON', { value() { return { ...this }; }, enumerable: false });
  return Object.freeze(updated);
}

module.exports = { applyProfileUpdate };
