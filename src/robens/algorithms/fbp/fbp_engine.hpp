#pragma once
// Message passing on the factor graph of a fully connected binary committee machine with an extra
// focusing (fBP, PNAS 2016 Eq. 7) or reinforcement (rBP, Eq. 8) message per weight (docs/fbp.md,
// "Algorithm"). One sweep updates every pattern's factors and every focusing factor once, in a
// random order.
//
// Threads: within one pattern, the first-layer updates of all K·N edges are computed from cavities
// fixed beforehand and write disjoint messages, so they run in parallel with results identical to
// the serial order for any thread count (the sums S², μ are always accumulated serially).
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "robens/algorithms/fbp/fbp_fast_kernels.hpp"
#include "robens/algorithms/fbp/fbp_messages.hpp"
#include "robens/algorithms/fbp/fbp_protocol.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/pattern_set.hpp"
#include "robens/core/rng.hpp"
#include "robens/models/binary_network.hpp"

namespace robens {

// How a threshold factor's messages are computed (docs/fbp.md, "Algorithm"): first-order
// expansion, Gaussian cavity with the edge's own input exact, or the exact discrete sum (odd
// fan-in only).
enum class FactorAccuracy { none, accurate, exact };
template <>
struct EnumNames<FactorAccuracy> {
  static constexpr std::pair<FactorAccuracy, const char*> values[] = {
      {FactorAccuracy::none, "none"},
      {FactorAccuracy::accurate, "accurate"},
      {FactorAccuracy::exact, "exact"}};
};

// Eq. 7 (focusing with γ and y, computed from the cavity) or Eq. 8 (classic reinforcement
// tanh(ρ atanh m) of the weight's total marginal).
enum class FocusingRule { focusing, reinforcement };

// Thermodynamic quantities per synapse at a fixed point (docs/fbp.md, "Thermodynamics").
struct FbpThermodynamics {
  double overlap = 0;        // S: mean replica–reference overlap
  double distance = 0;       // (1 − S)/2
  double q = 0;              // mean squared weight magnetization (replica overlap)
  double q_reference = 0;    // q̃: mean squared reference magnetization
  double beta_f = 0;         // βF: minus the local free entropy
  double local_entropy = 0;  // Σint = −βF − γS
};

class FbpEngine {
 public:
  // Per first-layer factor of the current pattern: cavity of the output and the Gaussian sums.
  struct FactorState {
    double H = 0, S2 = 0, mu = 0;
    double p0 = 0, pmu = 0, psig = 0;  // first-order coefficients (accuracy none)
  };
  struct Config {
    FactorAccuracy accuracy1 = FactorAccuracy::accurate;
    FactorAccuracy accuracy2 = FactorAccuracy::exact;
    double damping = 0;
    int threads = 1;  // ≤ 0: OpenMP default
  };

  // Patterns: M rows of N = messages.n inputs; the network has messages.k hidden units.
  FbpEngine(const PatternSet& patterns, const NetworkShape& shape, FbpMessages messages,
            const Config& config);

  // Focusing parameters for the next sweeps.
  void set_focusing(double gamma, double y);  // FocusingRule::focusing
  void set_reinforcement(double rho);         // FocusingRule::reinforcement
  // Forces the output variables to the labels (β = ∞).
  void set_outfields();
  // One sweep in the order of a random permutation drawn from `rng`; returns the largest
  // message change (the convergence metric: docs/fbp.md, reference behaviour Q9). Throws
  // InputError if a message became NaN.
  double sweep(Rng& rng);

  // The network sign(mw) (a zero field counts as +1), and its training errors.
  BinaryNetwork network() const;
  long errors() const;
  // Thermodynamics at the current messages and focusing parameters (focusing rule only, odd K).
  FbpThermodynamics thermodynamics() const;

  const FbpMessages& messages() const { return msg_; }
  std::size_t n() const { return n_; }
  std::size_t k() const { return k_; }
  std::size_t m() const { return m_; }

 private:
  template <class Mag>
  double sweep_impl(Rng& rng);
  // known_max: the sweep's largest change so far (changes that cannot exceed it are not computed).
  template <class Mag>
  double update_layer1(std::size_t a, double known_max);
  // The K·N accurate edge updates of pattern a in the tanh form, vectorised.
  double update_edges_fast(std::size_t a, double known_max);
  template <class Mag>
  double update_layer2(std::size_t a);
  template <class Mag>
  double update_focusing(std::size_t j);
  template <class Mag>
  FbpThermodynamics thermodynamics_impl() const;

  std::size_t n_, k_, m_;
  std::vector<std::int8_t> xi_;      // M·N inputs ±1
  std::vector<std::int8_t> labels_;  // M labels ±1
  std::vector<std::int8_t> ones_;    // K ones: the second layer's couplings
  UnitInputs inputs_;
  NetworkShape shape_;
  FbpMessages msg_;
  Config config_;
  FocusingRule rule_ = FocusingRule::focusing;
  double gamma_ = 0, y_ = 1, rho_ = 0;
  std::vector<std::uint32_t> order_;
  // Per-pattern scratch: cavities and their magnetizations for the K·N first-layer edges.
  std::vector<double> h_, v_;
  std::vector<FactorState> factors_;
  std::vector<GaussianFactorFast> fast_factors_;
  std::vector<double> xi_real_;    // the current pattern's inputs as doubles (vector kernels)
  std::vector<double> exact_buf_;  // prefix/suffix count distributions (accuracy exact)
};

}  // namespace robens
