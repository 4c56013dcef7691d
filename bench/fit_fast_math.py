#!/usr/bin/env python3
"""Fits the polynomial coefficients of src/robens/math/fast_math.hpp (needs mpmath).

Prints each table highest degree first, as used by math::fast::horner, with the fit's maximum
error. Chebyshev fits (mpmath.chebyfit) at 50 digits; the results are rounded to double.
"""
import mpmath as mp

mp.mp.dps = 50


def show(name, coeffs, err):
    print(f"{name}: max error {mp.nstr(err, 3)}")
    print("  " + ", ".join(repr(float(c)) for c in coeffs))


# e^r on |r| <= ln2/2 (a little wider), degree 11.
half_ln2 = mp.log(2) / 2 + mp.mpf("1e-6")
show("exp", *mp.chebyfit(mp.exp, [-half_ln2, half_ln2], 12, error=True))

# tanh(x)/x as a polynomial in z = x^2 on |x| < 0.3, degree 8.
tanh_over_x = lambda z: mp.tanh(mp.sqrt(z)) / mp.sqrt(z) if z > 0 else mp.mpf(1)
show("tanh small", *mp.chebyfit(tanh_over_x, [0, mp.mpf("0.3") ** 2], 9, error=True))

# F(x) = erfc(x) e^{x^2} (x + K) on [0, 26] as a polynomial of degree 21 in u, where
# t = (x - K)/(x + K) = 1 - 2K w with w = 1/(x + K), and u maps [t(0), t(26)] onto [-1, 1].
K, lo, hi = 4, 0, 26
ta, tb = mp.mpf(lo - K) / (lo + K), mp.mpf(hi - K) / (hi + K)
tmid, thalf = (ta + tb) / 2, (tb - ta) / 2


def F_of_u(u):
    t = tmid + thalf * u
    x = K * (1 + t) / (1 - t)
    return mp.erfc(x) * mp.exp(x * x) * (x + K)


print(f"u = {float((1 - tmid) / thalf)!r} + {float(-2 * K / thalf)!r} * w")
show("erfc F", *mp.chebyfit(F_of_u, [-1, 1], 22, error=True))

# The split of ln 2 (32 significant bits, so n * hi is exact) and the atanh series 2/(2k+1).
ln2 = mp.log(2)
ln2_hi = mp.floor(ln2 * 2**32) / 2**32
print(f"ln2 hi {float(ln2_hi)!r} lo {float(ln2 - ln2_hi)!r}")
print("atanh series: " + ", ".join(repr(float(mp.mpf(2) / (2 * k + 1))) for k in range(10, -1, -1)))
