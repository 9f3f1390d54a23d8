// Amounts in minor units, shown and read in a currency's own digits (CNY 12.50, JPY 1250), with integer
// arithmetic only: prices never pass through floating point. Served by every application from retail-core
// at /common/money.js, so HQ's console, the manager's console and the till show money the same way.
'use strict';

const Money = {
  /** How many digits the currency has after the point: 2 for CNY, 0 for JPY (2 when unknown). */
  digits(currency) {
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'CNY' })
        .resolvedOptions().maximumFractionDigits;
    } catch (e) {
      return 2;
    }
  },

  /** 1250 -> "12.50" in CNY, "1250" in JPY; null or undefined -> "?". */
  format(minor, currency) {
    if (minor === null || minor === undefined) return '?';
    const digits = Money.digits(currency);
    const scale = 10 ** digits;
    const abs = Math.abs(minor);
    return (minor < 0 ? '-' : '') + Math.trunc(abs / scale)
      + (digits ? '.' + String(abs % scale).padStart(digits, '0') : '');
  },

  /** "12.5" or "12,50" -> 1250 in CNY; "1250" -> 1250 in JPY; anything else (a third decimal too) -> null. */
  parse(text, currency) {
    const digits = Money.digits(currency);
    const pattern = digits ? new RegExp('^\\s*(\\d+)(?:[.,](\\d{1,' + digits + '}))?\\s*$') : /^\s*(\d+)\s*$/;
    const match = pattern.exec(text || '');
    if (!match) return null;
    return Number(match[1]) * 10 ** digits + Number((match[2] || '0').padEnd(digits, '0'));
  },
};
