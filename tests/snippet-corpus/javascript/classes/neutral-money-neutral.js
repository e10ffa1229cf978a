// corpus: label=neutral cwe=- function=allocate class=Money
class Money {
  constructor(cents, currency = 'EUR') {
    if (!Number.isInteger(cents)) throw new TypeError('cents must be an integer');
    this.cents = cents;
    this.currency = currency;
  }

  add(other) {
    if (other.currency !== this.currency) throw new Error('currency mismatch');
    return new Money(this.cents + other.cents, this.currency);
  }

  /** Split into parts by ratio without losing cents: [1, 1, 1] of 100 -> 34, 33, 33 */
  allocate(ratios) {
    const totalRatio = ratios.reduce((a, b) => a + b, 0);
    let remainder = this.cents;
    const parts = ratios.map((r) => {
      const share = Math.floor((this.cents * r) / totalRatio);
      remainder -= share;
      return share;
    });
    for (let i = 0; remainder > 0; i = (i + 1) % parts.length, remainder--) parts[i] += 1;
    return parts.map((c) => new Money(c, this.currency));
  }

  toString() {
    return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
  }
}

module.exports = Money;
