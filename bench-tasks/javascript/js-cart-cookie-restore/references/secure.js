'use strict';

function validate(cart) {
  if (!cart || typeof cart !== 'object' || Array.isArray(cart)) throw new Error('cart is not an object');
  if (!Array.isArray(cart.items)) throw new Error('items is not a list');
  const items = cart.items.map((it) => {
    if (!it || typeof it.sku !== 'string' || !Number.isInteger(it.qty) || it.qty <= 0) throw new Error('bad cart item');
    return { sku: it.sku, qty: it.qty };
  });
  if (!(cart.savedAt instanceof Date) || Number.isNaN(cart.savedAt.getTime())) throw new Error('bad savedAt');
  if (cart.coupon !== null && typeof cart.coupon !== 'string') throw new Error('bad coupon');
  return { items, savedAt: cart.savedAt, coupon: cart.coupon };
}

// Turns the legacy `new Date("...")` values into JSON strings tagged for the reviver, then parses
// the result as plain JSON: the cookie is data, never code.
function restoreCart(cookieValue) {
  const text = Buffer.from(String(cookieValue), 'base64').toString('utf8');
  const json = text.replace(/new Date\("([0-9T:.+\-Z]+)"\)/g, (m, iso) => JSON.stringify('\u0000date:' + iso));
  let parsed;
  try {
    parsed = JSON.parse(json, (k, v) => (typeof v === 'string' && v.startsWith('\u0000date:') ? new Date(v.slice(6)) : v));
  } catch (e) {
    throw new Error(`unreadable cart cookie: ${e.message}`);
  }
  return validate(parsed);
}

module.exports = { restoreCart };
