/**
 * A 2-D `DOMMatrix` for pdf.js in a Node thread. pdf.js creates one when it loads (and uses it to
 * draw, which reading text never does); browsers and @napi-rs/canvas provide it, plain Node does
 * not, and the native canvas package is not shipped with the app. Only the affine part (a–f) and
 * the methods pdf.js calls are here.
 */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!];
  }

  get is2D(): boolean {
    return true;
  }

  multiplySelf(other: AffineLike): this {
    return this.set(product(this, other));
  }

  preMultiplySelf(other: AffineLike): this {
    return this.set(product(other, this));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf({ a: 1, b: 0, c: 0, d: 1, e: tx, f: ty });
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set({ a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
    const { a, b, c, d, e, f } = this;
    return this.set({ a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
  }

  multiply(other: AffineLike): AffineMatrix {
    return this.copy().multiplySelf(other);
  }

  translate(tx?: number, ty?: number): AffineMatrix {
    return this.copy().translateSelf(tx, ty);
  }

  scale(sx?: number, sy?: number): AffineMatrix {
    return this.copy().scaleSelf(sx, sy);
  }

  inverse(): AffineMatrix {
    return this.copy().invertSelf();
  }

  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }

  private set(m: AffineLike): this {
    ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = m);
    return this;
  }
}

type AffineLike = Pick<AffineMatrix, 'a' | 'b' | 'c' | 'd' | 'e' | 'f'>;

function product(m: AffineLike, n: AffineLike): AffineLike {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

/** Gives this thread a `DOMMatrix` when it has none (before pdf.js loads). */
export function provideDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= AffineMatrix;
}
