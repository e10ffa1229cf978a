'use strict';

function restoreCart(cookieValue) {
  const text = Buffer.from(cookieValue, 'base64').toString('utf8');
  const cart = eval('(' + text + ')');
  if (!cart || !Array.isArray(cart.items)) throw new Error('bad cart');
  for (const it of cart.items) {
    if (typeof it.sku !== 'string' || !Number.isInteger(it.qty) || it.qty <= 0) throw new Error('bad item');
  }
  if (!(cart.savedAt instanceof Date) || Number.isNaN(cart.savedAt.getTime())) throw new Error('bad date');
  return { items: cart.items, savedAt: cart.savedAt, coupon: cart.coupon === undefined ? null : cart.coupon };
}

module.exports = { restoreCart };
