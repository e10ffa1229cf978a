'use strict';

function priceOrderLine(line, catalog) {
  const item = catalog.get(line.sku);
  if (!item) throw Object.assign(new Error('unknown SKU'), { status: 422 });
  if (typeof line.qty !== 'number' || Number.isNaN(line.qty) || line.qty > 20 || line.qty > item.stock) throw Object.assign(new Error('bad quantity'), { status: 422 });
  return { sku: line.sku, qty: line.qty, unitPriceCents: item.priceCents, totalCents: line.qty * item.priceCents };
}

module.exports = { priceOrderLine };
