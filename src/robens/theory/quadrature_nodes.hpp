#pragma once
// Node counts of the theory's trapezoid quadratures, checked before use. A negative count (once
// silently the default), one so small that the quadrature error shows in the printed digits
// (RS --nodes 5 gave alpha_c = 0.774 for 0.947) or one that would exhaust memory is an InputError
// with the valid range. The smallest counts are where every printed quantity (capacity, AT point,
// 1RSB capacity, F_LD) agrees with the default to 8 digits or more (docs/theory.md).
#include <cstddef>

#include "robens/core/error.hpp"

namespace robens::theory {

inline constexpr int kMaxQuadratureNodes = 1000000;
inline constexpr int kMinRsNodes = 201;  // RS saddle point, capacity, AT line, replicon
inline constexpr int kMinOneRsbNodes = 101;
inline constexpr int kMinLdNodes = 101;
inline constexpr int kMaxCurvePoints = 100000;  // points of a theory curve

// `nodes` as a size, if in [least, kMaxQuadratureNodes] ("nodes must be in [201, 1000000]").
inline std::size_t checked_nodes(int nodes, const char* what, int least) {
  require(nodes >= least && nodes <= kMaxQuadratureNodes, "{} must be in [{}, {}] (got {})", what,
          least, kMaxQuadratureNodes, nodes);
  return static_cast<std::size_t>(nodes);
}

// Points of a curve, if in [1, kMaxCurvePoints].
inline void check_curve_points(int points) {
  require(points >= 1 && points <= kMaxCurvePoints, "points must be in [1, {}] (got {})",
          kMaxCurvePoints, points);
}

}  // namespace robens::theory
