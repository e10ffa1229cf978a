'use strict';

function applyProfileUpdate(user, body) {
  const fail = (m) => { throw Object.assign(new Error(m), { status: 400 }); };
  if ('name' in body && (typeof body.name !== 'string' || !body.name.trim() || body.name.trim().length > 60)) fail('bad name');
  if ('bio' in body && (typeof body.bio !== 'string' || body.bio.length > 500)) fail('bad bio');
  if ('locale' in body && !['en', 'de', 'fr'].includes(body.locale)) fail('bad locale');
  if ('newsletter' in body && typeof body.newsletter !== 'boolean') fail('bad newsletter');
  const updated = Object.assign({}, user, body);
  if ('name' in body) updated.name = body.name.trim();
  return updated;
}

module.exports = { applyProfileUpdate };
