// corpus: label=neutral cwe=- function=eachDay
/**
 * Yield ISO dates (YYYY-MM-DD) from `start` to `end`, inclusive.
 * @param {string|Date} start
 * @param {string|Date} end
 * @returns {string[]}
 */
export function eachDay(start, end) {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new TypeError('invalid date');
  }
  const days = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (cursor <= to) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

export function isWeekend(isoDate) {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
