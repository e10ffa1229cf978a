'use strict';
const vm = require('vm');

function restoreCart(cookieValue) {
  const text = Buffer.from(cookieValue, 'base64').toString('utf8');
  if (!/"savedAt":new Date\(/.test(text)) throw new Error('not a cart cookie');
  const cart = vm.runInNewContext('(' + text + ')', { Date }, { timeout: 50 });
  if (!cart || !Array.isArray(cart.items)) throw new Error('bad cart');
  const items = Array.from(cart.items, (it) => {
    if (typeof it.sku !== 'string' || !Number.isInteger(it.qty) || it.qty <= 0) throw new Error('bad item');
    return { sku: it.sku, qty: it.qty };
  });
  const savedAt = new Date(cart.savedAt);
  if (Number.isNaN(savedAt.getTime())) throw new Error('bad date');
  if (cart.coupon !== null && typeof cart.coupon !== 'string') throw new Error('bad coupon');
  return { items, savedAt, coupon: cart.coupon };
}

module.exports = { restoreCart };
