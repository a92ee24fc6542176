import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from '../../electron/core/exports/writers/crc32-combine';

describe('crc32Combine', () => {
  it('gives the CRC-32 of two byte runs back to back, for empty, short, odd and long runs', () => {
    for (const [lengthA, lengthB] of [
      [0, 0],
      [0, 7],
      [5, 0],
      [1, 1],
      [3, 1000],
      [65_537, 13],
      [1 << 20, (1 << 20) + 3],
    ] as const) {
      const a = crypto.randomBytes(lengthA);
      const b = crypto.randomBytes(lengthB);
      expect(crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length), `${lengthA} + ${lengthB} bytes`).toBe(zlib.crc32(Buffer.concat([a, b])));
    }
  });

  it('takes lengths past 2^31 (a sheet part of up to 4 GiB) without overflowing', () => {
    // crc32 of 2^31 + 1 zero bytes is a CRC of zeros extended: combining in halves must agree with combining at once
    const zeros = Buffer.alloc(1 << 16);
    const crcZeros = zlib.crc32(zeros);
    let crc = 0;
    let length = 0;
    for (let i = 0; i < 3; i++) {
      crc = crc32Combine(crc, crcZeros, zeros.length);
      length += zeros.length;
    }
    expect(crc).toBe(zlib.crc32(Buffer.alloc(length)));
    const head = crypto.randomBytes(9);
    const big = 2 ** 31 + 5;
    // A then B == (A then B1) then B2 for any split of B: the length is only used as a number of shifts
    const viaParts = crc32Combine(crc32Combine(zlib.crc32(head), 0x12345678, big - 1000), 0x9abcdef0, 1000);
    const b = crc32Combine(0x12345678, 0x9abcdef0, 1000);
    expect(viaParts).toBe(crc32Combine(zlib.crc32(head), b, big));
  });

  it('refuses a length that is not a byte count', () => {
    expect(() => crc32Combine(0, 0, -1)).toThrow(RangeError);
    expect(() => crc32Combine(0, 0, 1.5)).toThrow(RangeError);
  });
});
