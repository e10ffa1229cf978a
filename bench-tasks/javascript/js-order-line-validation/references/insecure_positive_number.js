'use strict';

function priceOrderLine(line, catalog) {
  const item = catalog.get(line.sku);
  if (!item) throw Object.assign(new Error('unknown SKU'), { status: 422 });
  const qty = Number(line.qty);
  if (!(qty > 0) || qty > 20 || qty > item.stock) throw Object.assign(new Error('bad quantity'), { status: 422 });
  return { sku: line.sku, qty, unitPriceCents: item.priceCents, totalCents: Math.round(qty * item.priceCents) };
}

module.exports = { priceOrderLine };
