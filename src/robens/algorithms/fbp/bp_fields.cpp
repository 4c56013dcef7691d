#include "robens/algorithms/fbp/bp_fields.hpp"

namespace robens::bp {

using math::log1p_exp_m2abs;

double aux_mix(double H, double ap, double am) {
  if (H == 0) return 0.0;
  const bool ip = std::isinf(ap), im = std::isinf(am);
  double t1 = 0, t2 = 0;
  if (std::isinf(H)) {
    const double s = H > 0 ? 1.0 : -1.0;
    if (!ip && !im) {
      t1 = s * (ap - am) - std::fabs(ap) + std::fabs(am);
      t2 = log1p_exp_m2abs(am) - log1p_exp_m2abs(ap);
    } else if (ip && !im) {
      if ((ap > 0) == (s > 0)) {
        t1 = std::fabs(am) - s * am;
        t2 = log1p_exp_m2abs(am);
      } else {
        t1 = -2.0 * kFieldClamp;
      }
    } else if (!ip && im) {
      if ((am > 0) == (s > 0)) {
        t1 = s * ap - std::fabs(ap);
        t2 = -log1p_exp_m2abs(ap);
      } else {
        t1 = 2.0 * kFieldClamp;
      }
    } else {
      const bool p_same = (ap > 0) == (s > 0), m_same = (am > 0) == (s > 0);
      if (p_same == m_same) return 0.0;
      t1 = p_same ? 2.0 * kFieldClamp : -2.0 * kFieldClamp;
    }
    return 0.5 * (t1 + t2);
  }
  t1 = (ip ? 0.0 : std::fabs(H + ap) - std::fabs(ap)) -
       (im ? 0.0 : std::fabs(H + am) - std::fabs(am));
  // t2 = L(H+a₊) − L(a₊) − L(H+a₋) + L(a₋) with one logarithm instead of four log1p: every factor
  // 1 + e^{−2|x|} lies in (1, 2], so the absolute error stays at the level of log1p's.
  auto e = [](double x) { return std::exp(-2.0 * std::fabs(x)); };
  t2 = std::log(((1.0 + e(H + ap)) * (1.0 + e(am))) / ((1.0 + e(ap)) * (1.0 + e(H + am))));
  return 0.5 * (t1 + t2);
}

}  // namespace robens::bp
