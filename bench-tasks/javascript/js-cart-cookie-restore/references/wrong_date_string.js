'use strict';

function restoreCart(cookieValue) {
  const text = Buffer.from(cookieValue, 'base64').toString('utf8');
  const cart = JSON.parse(text.replace(/new Date\(("[^"]*")\)/g, '$1'));
  if (!Array.isArray(cart.items)) throw new Error('bad cart');
  for (const it of cart.items) {
    if (typeof it.sku !== 'string' || !Number.isInteger(it.qty) || it.qty <= 0) throw new Error('bad item');
  }
  if (Number.isNaN(Date.parse(cart.savedAt))) throw new Error('bad date');
  if (cart.coupon !== null && typeof cart.coupon !== 'string') throw new Error('bad coupon');
  return { items: cart.items, savedAt: cart.savedAt, coupon: cart.coupon };
}

module.exports = { restoreCart };
