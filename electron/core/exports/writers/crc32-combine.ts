// zlib's crc32_combine (crc32.c, 1.2.12 and later), which node:zlib does not expose: the CRC-32 of
// two byte runs back to back from the CRC-32 of each and the second one's length, without the bytes.
// A sheet deflated in two parts on two threads gets its ZIP checksum this way.

const POLYNOMIAL = 0xedb88320; // reflected
const TOP_BIT = 0x80000000;

/** a(x) · b(x) modulo the CRC polynomial, both reflected. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = TOP_BIT; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0..31. */
const X_TO_2_TO_K = (() => {
  const table: number[] = [];
  let power = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    table.push(power);
    power = multiplyModP(power, power);
  }
  return table;
})();

/** x^(n · 2^k) modulo the polynomial. */
function xPowerModP(n: number, k: number): number {
  let result = TOP_BIT; // x^0
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2), k++) {
    if (rest % 2 === 1) result = multiplyModP(X_TO_2_TO_K[k % 32]!, result);
  }
  return result;
}

/** CRC-32 of A followed by B, given crc32(A), crc32(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (!Number.isSafeInteger(lengthB) || lengthB < 0) throw new RangeError(`lengthB must be a byte count, got ${lengthB}`);
  return (multiplyModP(xPowerModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
