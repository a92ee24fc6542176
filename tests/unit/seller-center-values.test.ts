import { describe, expect, it } from 'vitest';
import {
  BEIJING_TIME_ZONE,
  beijingDate,
  formatInZone,
  hasControlCharacters,
  normalizeText,
  parseAmountFen,
  parseBeijingTime,
  parseBillingPeriod,
  yuan,
  zoneName,
} from '../../electron/core/conventions';
import { HeaderMatcher, normalizeHeader } from '../../electron/core/imports/header-matching';

/**
 * Values and headers as Seller Center files write them (Excel on Chinese Windows, exports, KooGallery
 * answers), read exactly, at their edges: the last valid minute, day and month, two decimals and not three.
 */
const beijing = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => Date.UTC(year, month - 1, day, hour - 8, minute, second);

describe('amounts → integer fen', () => {
  it('reads yuan with a currency sign, thousands separators, 元, CNY and full-width digits', () => {
    expect(parseAmountFen('¥1,234.56')).toBe(123_456);
    expect(parseAmountFen('￥1234.5')).toBe(123_450);
    expect(parseAmountFen('1,234.5元')).toBe(123_450);
    expect(parseAmountFen('CNY 100')).toBe(10_000);
    expect(parseAmountFen('cny5')).toBe(500);
    expect(parseAmountFen('１２．３０')).toBe(1_230);
    expect(parseAmountFen(' 7 ')).toBe(700);
  });

  it('keeps the sign of a refund', () => {
    expect(parseAmountFen('-12.30')).toBe(-1_230);
    expect(parseAmountFen('-0.01')).toBe(-1);
  });

  it('takes two decimals and refuses a third', () => {
    expect(parseAmountFen('0.01')).toBe(1);
    expect(parseAmountFen('0.1')).toBe(10);
    expect(parseAmountFen('0.001')).toBeNull();
  });

  it('rounds a number cell to the fen and refuses one that is not finite', () => {
    expect(parseAmountFen(0.1 + 0.2)).toBe(30);
    expect(parseAmountFen(1234.56)).toBe(123_456);
    expect(parseAmountFen(Number.NaN)).toBeNull();
    expect(parseAmountFen(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', '1.', '.5', '--1', '+1', '1.2.3', '12a', 'CNY', '1 234 x', 'USD 5', '5CNY']) expect(parseAmountFen(text), text).toBeNull();
    expect(parseAmountFen(null)).toBeNull();
  });
});

describe('fen → yuan text', () => {
  it('writes two decimals in integer arithmetic, with the sign in front', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(10)).toBe('0.10');
    expect(yuan(100)).toBe('1.00');
    expect(yuan(-5)).toBe('-0.05');
    expect(yuan(-1_230)).toBe('-12.30');
    expect(yuan(123_456_789)).toBe('1234567.89');
    expect(yuan(12.6)).toBe('0.13');
  });
});

describe('dates and times (Beijing) → UTC', () => {
  it('reads the ways Seller Center and Excel write a time', () => {
    const at = beijing(2026, 11, 24, 13, 5, 0);
    expect(parseBeijingTime('2026-11-24 13:05:00')).toBe(at);
    expect(parseBeijingTime('2026-11-24T13:05:00')).toBe(at);
    expect(parseBeijingTime('2026/11/24 13:05')).toBe(at);
    expect(parseBeijingTime('20261124130500')).toBe(at);
    expect(parseBeijingTime('2026年11月24日 13时05分00')).toBe(at);
    expect(parseBeijingTime('2026.11.24')).toBe(beijing(2026, 11, 24));
    expect(parseBeijingTime('2026/1/5')).toBe(beijing(2026, 1, 5));
    expect(parseBeijingTime('2026年1月5日 9时05分')).toBe(beijing(2026, 1, 5, 9, 5));
    expect(parseBeijingTime(' 2026-12-01 00:00 ')).toBe(beijing(2026, 12, 1));
  });

  it('needs two digits of minutes, whichever way they are written', () => {
    expect(parseBeijingTime('2026-11-24 13:5')).toBeNull();
    expect(parseBeijingTime('2026-11-24 13时5分')).toBeNull();
  });

  it('does not read a billing period (2026-11) in a date column as 1 January, nor mixed separators', () => {
    expect(parseBeijingTime('2026-11')).toBeNull();
    expect(parseBeijingTime('2026年11月')).toBeNull();
    expect(parseBeijingTime('202611')).toBeNull();
    expect(parseBeijingTime('2026-11/24')).toBeNull();
  });

  it('takes the last minute and second of a day and refuses the next', () => {
    expect(parseBeijingTime('2026-11-24 23:59:59')).toBe(beijing(2026, 11, 24, 23, 59, 59));
    expect(parseBeijingTime('2026-11-24 24:00:00')).toBeNull();
    expect(parseBeijingTime('2026-11-24 12:60:00')).toBeNull();
    expect(parseBeijingTime('2026-11-24 12:00:60')).toBeNull();
  });

  it('takes the last day of each month and refuses the day after, 29 February only in a leap year', () => {
    expect(parseBeijingTime('2026-11-30')).toBe(beijing(2026, 11, 30));
    expect(parseBeijingTime('2026-11-31')).toBeNull();
    expect(parseBeijingTime('2026-12-31')).toBe(beijing(2026, 12, 31));
    expect(parseBeijingTime('2028-02-29')).toBe(beijing(2028, 2, 29));
    expect(parseBeijingTime('2027-02-29')).toBeNull();
    expect(parseBeijingTime('2026-11-00')).toBeNull();
    expect(parseBeijingTime('2026-00-10')).toBeNull();
    expect(parseBeijingTime('2026-13-10')).toBeNull();
  });

  it('reads an Excel serial number as Beijing time, only in its range (20,000 to 80,000 exclusive)', () => {
    expect(parseBeijingTime(46_350.5)).toBe(beijing(2026, 11, 24, 12));
    expect(parseBeijingTime(25_569)).toBe(beijing(1970, 1, 1));
    expect(parseBeijingTime(20_000.5)).not.toBeNull();
    expect(parseBeijingTime(20_000)).toBeNull();
    expect(parseBeijingTime(79_999)).not.toBeNull();
    expect(parseBeijingTime(80_000)).toBeNull();
  });

  it('reads a Date from the XLSX reader as the time shown (its UTC fields), and refuses an invalid one', () => {
    expect(parseBeijingTime(new Date(Date.UTC(2026, 10, 24, 13, 5)))).toBe(beijing(2026, 11, 24, 13, 5));
    expect(parseBeijingTime(new Date(Number.NaN))).toBeNull();
  });

  it('refuses text that is not a date', () => {
    for (const text of ['', '24/11/2026', '2026-11-24 13', 'yesterday', '2026-11-24 13:05:00 extra']) expect(parseBeijingTime(text), text).toBeNull();
  });
});

describe('billing periods (账期)', () => {
  it('reads 2026-11, 2026/1, 2026.11, 2026年11月 and 202611 as YYYY-MM', () => {
    expect(parseBillingPeriod('2026-11')).toBe('2026-11');
    expect(parseBillingPeriod('2026/1')).toBe('2026-01');
    expect(parseBillingPeriod('2026.11')).toBe('2026-11');
    expect(parseBillingPeriod('2026年11月')).toBe('2026-11');
    expect(parseBillingPeriod('202611')).toBe('2026-11');
  });

  it('takes months 1 to 12 and refuses 0 and 13, or a day', () => {
    expect(parseBillingPeriod('2026-12')).toBe('2026-12');
    expect(parseBillingPeriod('2026-01')).toBe('2026-01');
    expect(parseBillingPeriod('2026-00')).toBeNull();
    expect(parseBillingPeriod('2026-13')).toBeNull();
    expect(parseBillingPeriod('2026-11-01')).toBeNull();
    expect(parseBillingPeriod('')).toBeNull();
    expect(parseBillingPeriod('FY2026-11')).toBeNull();
  });
});

describe('cell text folded as NFKC', () => {
  it('leaves printable ASCII, ¥ and CJK ideographs as they are, which is what NFKC does to each of them', () => {
    const ranges = [
      [0x20, 0x7e],
      [0xa5, 0xa5],
      [0x4e00, 0x9fff],
    ];
    for (const [from, to] of ranges)
      for (let code = from!; code <= to!; code++) {
        const char = String.fromCharCode(code);
        expect(normalizeText(`a${char}b`)).toBe(`a${char}b`.normalize('NFKC'));
      }
  });

  it('still folds full-width forms, compatibility ideographs and combining marks next to plain text', () => {
    expect(normalizeText(' 杭州（星河）ＡＢＣ１２３ ')).toBe('杭州(星河)ABC123');
    expect(normalizeText('￥1,234.50')).toBe('¥1,234.50');
    expect(normalizeText('Cafe\u0301 北京')).toBe('Café 北京');
    expect(normalizeText('\uF900')).toBe('豈');
    expect(normalizeText('\u00A0hw10000001\u3000')).toBe('hw10000001');
  });
});

describe('control characters in names and paths', () => {
  it('finds U+0000–U+001F and U+007F, and nothing else', () => {
    expect(hasControlCharacters('a\u0000b')).toBe(true);
    expect(hasControlCharacters('report\u001f.xlsx')).toBe(true);
    expect(hasControlCharacters('\u007f')).toBe(true);
    expect(hasControlCharacters('交易明细 2026-11 (1).xlsx')).toBe(false);
    expect(hasControlCharacters('~\u0080')).toBe(false);
    expect(hasControlCharacters('')).toBe(false);
  });
});

describe('header cells', () => {
  it('drops a trailing unit in brackets, half- or full-width, even two of them', () => {
    expect(normalizeHeader('交易金额(元)')).toBe('交易金额');
    expect(normalizeHeader('结算金额（元）')).toBe('结算金额');
    expect(normalizeHeader('金额 (¥)')).toBe('金额');
    expect(normalizeHeader('比例(%)(估)')).toBe('比例');
    expect(normalizeHeader('开始时间(UTC)')).toBe('开始时间');
  });

  it('keeps a bracket that is not at the end, and ignores case, spaces and underscores', () => {
    expect(normalizeHeader('(元)交易金额')).toBe('(元)交易金额');
    expect(normalizeHeader('金额(元)备注')).toBe('金额(元)备注');
    expect(normalizeHeader('Order ID')).toBe('orderid');
    expect(normalizeHeader('ORDER_ID')).toBe('orderid');
    expect(normalizeHeader('ＯｒｄｅｒＩＤ')).toBe('orderid');
    expect(normalizeHeader(null)).toBe('');
  });

  it('matches a cell to its field by any alias, and names a field by its first alias', () => {
    const matcher = new HeaderMatcher({ amountFen: ['交易金额', 'Amount'], orderId: ['订单号', 'Order ID'] });
    expect(matcher.field('交易金额(元)')).toBe('amountFen');
    expect(matcher.field(' amount ')).toBe('amountFen');
    expect(matcher.field('order_id')).toBe('orderId');
    expect(matcher.field('备注')).toBeNull();
    expect(matcher.field('')).toBeNull();
    expect(matcher.field('(元)')).toBeNull();
    expect(matcher.shownName('orderId')).toBe('订单号');
    expect(matcher.shownName('unknown')).toBe('unknown');
  });
});

describe('Beijing dates as sheets and ids show them', () => {
  it('turns at Beijing midnight (16:00 UTC), with a zero-padded month and day', () => {
    expect(beijingDate(Date.UTC(2026, 0, 4, 15, 59, 59))).toBe('2026-01-04');
    expect(beijingDate(Date.UTC(2026, 0, 4, 16, 0, 0))).toBe('2026-01-05');
    expect(formatInZone(Date.UTC(2026, 0, 4, 16, 0, 0), BEIJING_TIME_ZONE)).toBe('2026-01-05 00:00');
    expect(zoneName(BEIJING_TIME_ZONE, 'zh-CN')).toBe('北京时间');
  });
});
