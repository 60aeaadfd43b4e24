/** Money as people read it: small amounts keep two significant digits instead of showing 0.00. */
export function formatMoney(amount: number, currency: string): string {
  if (amount === 0) return `0 ${currency}`;
  if (amount < 0.01) return `${amount.toPrecision(2)} ${currency}`;
  return `${amount.toFixed(2)} ${currency}`;
}
