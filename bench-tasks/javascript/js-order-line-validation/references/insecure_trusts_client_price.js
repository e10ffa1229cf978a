'use strict';

const invalid = (msg) => Object.assign(new Error(msg), { status: 422 });

function priceOrderLine(line, catalog) {
  const sku = line && line.sku;
  if (typeof sku !== 'string' || !catalog.has(sku)) throw invalid('unknown SKU');
  const item = catalog.get(sku);
  const qty = line.qty;
  // A real JSON integer in range: no strings, no fractions, no NaN/Infinity, no negatives.
  if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 1 || qty > 20) throw invalid('quantity must be a whole number from 1 to 20');
  if (qty > item.stock) throw invalid('not enough stock');
  const unit = typeof line.unitPrice === 'number' ? Math.round(line.unitPrice * 100) : item.priceCents;
  return { sku, qty, unitPriceCents: unit, totalCents: qty * unit };
}

module.exports = { priceOrderLine };
