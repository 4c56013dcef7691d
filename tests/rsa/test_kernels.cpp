// Exactness of every Monte Carlo kernel (docs/rsa.md, "Kernel definitions" and "Code map"): on
// tiny systems the full transition matrix, built from transitions(), leaves the Boltzmann
// distribution stationary; step() samples the same moves as transitions() says; the Eq. 9 prior
// solves its recursion.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>

#include "robens/algorithms/rsa/rsa_kernels.hpp"
#include "robens/core/error.hpp"

namespace robens {
namespace {

using KernelFactory = std::function<std::unique_ptr<MoveKernel>(ReplicaEnsemble&)>;

// Puts the ensemble in the state whose spin s is bit s of `code`, and returns log π (unnormalised).
double set_code(ReplicaEnsemble& e, std::uint64_t code, bool explicit_centre) {
  const std::size_t n = e.weights();
  std::vector<BinaryNetwork> nets;
  for (int a = 0; a < e.replicas(); ++a) {
    BinaryNetwork net(e.replica(0).shape());
    for (std::size_t i = 0; i < n; ++i)
      net.set_flat(i, (code >> (static_cast<std::size_t>(a) * n + i)) & 1U ? 1 : -1);
    nets.push_back(net);
  }
  e.set_state(nets);
  if (!explicit_centre) return log_weight(static_cast<TracedEnsemble&>(e));
  const std::size_t yn = static_cast<std::size_t>(e.replicas()) * n;
  for (std::size_t i = 0; i < n; ++i) {
    const bool want = (code >> (yn + i)) & 1U;
    if (e.centre().bit(i) != want) e.flip(yn + i);
  }
  return log_weight(static_cast<ExplicitEnsemble&>(e));
}

std::uint64_t code_after(std::uint64_t code, std::size_t s) {
  return code ^ (std::uint64_t{1} << s);
}

void check_stationary(ReplicaEnsemble& e, bool explicit_centre, const KernelFactory& make,
                      const char* label) {
  SCOPED_TRACE(label);
  const std::size_t spins = e.spins();
  ASSERT_LE(spins, 14U);
  const std::size_t states = std::size_t{1} << spins;
  std::vector<double> logw(states);
  for (std::uint64_t c = 0; c < states; ++c) logw[c] = set_code(e, c, explicit_centre);
  const double top = *std::max_element(logw.begin(), logw.end());
  std::vector<double> pi(states);
  double total = 0;
  for (std::size_t c = 0; c < states; ++c) total += pi[c] = std::exp(logw[c] - top);
  for (auto& p : pi) p /= total;

  std::vector<double> flow(states, 0.0);
  std::vector<std::pair<std::size_t, double>> moves;
  auto kernel = make(e);
  double nonzero_rejection = 0;
  for (std::uint64_t c = 0; c < states; ++c) {
    set_code(e, c, explicit_centre);
    kernel->refresh();
    kernel->transitions(moves);
    double out = 0;
    for (const auto& [s, p] : moves) {
      ASSERT_GE(p, 0.0);
      flow[code_after(c, s)] += pi[c] * p;
      out += p;
    }
    ASSERT_LE(out, 1.0 + 1e-12);
    flow[c] += pi[c] * (1 - out);
    nonzero_rejection += 1 - out;
  }
  EXPECT_GT(nonzero_rejection, 0.0);
  double worst = 0;
  for (std::size_t c = 0; c < states; ++c)
    worst = std::max(worst, std::abs(flow[c] - pi[c]) / pi[c]);
  EXPECT_LT(worst, 1e-9) << "Q·π ≠ π";
}

// step() draws moves with the frequencies transitions() reports.
void check_sampling(ReplicaEnsemble& e, bool explicit_centre, const KernelFactory& make,
                    std::uint64_t code, const char* label) {
  SCOPED_TRACE(label);
  auto kernel = make(e);
  set_code(e, code, explicit_centre);
  kernel->refresh();
  std::vector<std::pair<std::size_t, double>> moves;
  kernel->transitions(moves);
  std::map<long, double> expected;
  double out = 0;
  for (const auto& [s, p] : moves) {
    expected[static_cast<long>(s)] += p;
    out += p;
  }
  expected[-1] += 1 - out;
  Rng rng(11, StreamPurpose::sampler);
  const int draws = 40000;
  std::map<long, int> seen;
  for (int t = 0; t < draws; ++t) {
    set_code(e, code, explicit_centre);
    kernel->refresh();
    ++seen[kernel->step(rng)];
  }
  for (const auto& [s, p] : expected) {
    const double f = seen[s] / static_cast<double>(draws);
    EXPECT_NEAR(f, p, 5 * std::sqrt(p * (1 - p) / draws) + 1e-3) << "move " << s;
  }
  for (const auto& [s, k] : seen)
    EXPECT_TRUE(expected.count(s)) << "unexpected move " << s << " x" << k;
}

struct TinySystem {
  const char* label;
  NetworkShape shape;
  EnergyKind kind;
  std::size_t patterns;
  int y;
};

TEST(RsaKernels, TracedEnsembleKernelsLeaveBoltzmannStationary) {
  const TinySystem setups[] = {
      {"perceptron minflips y3", NetworkShape::perceptron(3), EnergyKind::min_flips, 3, 3},
      {"perceptron errors y4", NetworkShape::perceptron(3), EnergyKind::errors, 3, 4},
      {"relu tree y2", NetworkShape::committee(Architecture::tree, 4, 2, Activation::relu),
       EnergyKind::errors, 4, 2},
      {"sign tree minflips y2", NetworkShape::committee(Architecture::tree, 3, 3, Activation::sign),
       EnergyKind::min_flips, 4, 2},
  };
  const std::pair<const char*, KernelFactory> kernels[] = {
      {"metropolis", [](ReplicaEnsemble& e) { return make_metropolis_kernel(e); }},
      {"rrr", [](ReplicaEnsemble& e) { return make_rrr_kernel(e); }},
      {"coupling-rrr",
       [](ReplicaEnsemble& e) {
         return make_coupling_rrr_kernel(static_cast<TracedEnsemble&>(e));
       }},
      {"eq9", [](ReplicaEnsemble& e) { return make_eq9_kernel(static_cast<TracedEnsemble&>(e)); }},
  };
  for (const auto& s : setups) {
    const PatternSet set = random_patterns(s.patterns, s.shape.inputs, 5);
    auto columns = std::make_shared<const PatternColumns>(set, s.shape);
    for (const auto& [name, make] : kernels) {
      for (const auto& [beta, gamma] : {std::pair{0.7, 0.45}, std::pair{1.6, 1.3}}) {
        TracedEnsemble e(s.y, s.kind, columns, 3);
        e.set_parameters(beta, gamma);
        check_stationary(e, false, make, (std::string(s.label) + " " + name).c_str());
      }
    }
  }
}

TEST(RsaKernels, ExplicitEnsembleKernelsLeaveBoltzmannStationary) {
  const PatternSet set = random_patterns(3, 3, 6);
  auto columns = std::make_shared<const PatternColumns>(set, NetworkShape::perceptron(3));
  const std::pair<const char*, KernelFactory> kernels[] = {
      {"metropolis", [](ReplicaEnsemble& e) { return make_metropolis_kernel(e); }},
      {"rrr", [](ReplicaEnsemble& e) { return make_rrr_kernel(e); }},
  };
  for (const auto& [name, make] : kernels) {
    ExplicitEnsemble e(3, EnergyKind::min_flips, columns, 3);
    e.set_parameters(1.1, 0.8);
    check_stationary(e, true, make, name);
  }
}

TEST(RsaKernels, StepSamplesTheReportedTransitions) {
  const PatternSet set = random_patterns(3, 3, 7);
  auto columns = std::make_shared<const PatternColumns>(set, NetworkShape::perceptron(3));
  const std::pair<const char*, KernelFactory> kernels[] = {
      {"metropolis", [](ReplicaEnsemble& e) { return make_metropolis_kernel(e); }},
      {"rrr", [](ReplicaEnsemble& e) { return make_rrr_kernel(e); }},
      {"coupling-rrr",
       [](ReplicaEnsemble& e) {
         return make_coupling_rrr_kernel(static_cast<TracedEnsemble&>(e));
       }},
      {"eq9", [](ReplicaEnsemble& e) { return make_eq9_kernel(static_cast<TracedEnsemble&>(e)); }},
  };
  for (const auto& [name, make] : kernels) {
    TracedEnsemble e(3, EnergyKind::min_flips, columns, 3);
    e.set_parameters(0.9, 0.7);
    for (std::uint64_t code : {0b000000000ULL, 0b101100111ULL, 0b011011011ULL})
      check_sampling(e, false, make, code, name);
  }
}

TEST(RsaKernels, Eq9PriorSolvesItsRecursion) {
  for (int q = 1; q <= 40; ++q)
    for (double lambda : {1.0, 0.9, 0.5, 0.1, 1e-3, 1e-9, 0.0}) {
      const auto p = eq9_prior(q, lambda);
      ASSERT_EQ(p.size(), static_cast<std::size_t>(q) + 1);
      // Reference: the recursion in long double (exact enough for these q).
      long double prev = 0;
      for (int n = 1; n < q; ++n) {
        const long double ref = static_cast<long double>(lambda) * n * (1 - prev) / (q - n + 1);
        EXPECT_NEAR(p[static_cast<std::size_t>(n)], static_cast<double>(ref),
                    1e-8 * (1 + std::abs(static_cast<double>(ref))))
            << "q " << q << " n " << n << " lambda " << lambda;
        EXPECT_GE(p[static_cast<std::size_t>(n)], -1e-12);
        EXPECT_LE(p[static_cast<std::size_t>(n)], 1 + 1e-12);
        prev = ref;
      }
      EXPECT_NEAR(p[static_cast<std::size_t>(q)], 1 - std::pow(1 - lambda, q), 1e-12);
    }
}

TEST(RsaKernels, CouplingMatchesClosedForm) {
  for (double gamma : {0.0, 0.3, 2.0, 50.0})
    for (int m = -6; m <= 6; ++m) {
      const double ref = std::log(std::cosh(gamma * (m + 1)) / std::cosh(gamma * (m - 1)));
      EXPECT_NEAR(coupling_g(gamma, m), ref, 1e-9 * (1 + std::abs(ref)));
    }
  EXPECT_TRUE(std::isfinite(coupling_g(1e4, 5)));
}

TEST(RsaKernels, RejectsBadParameters) {
  const PatternSet set = random_patterns(3, 3, 7);
  auto columns = std::make_shared<const PatternColumns>(set, NetworkShape::perceptron(3));
  EXPECT_THROW(TracedEnsemble(0, EnergyKind::errors, columns, 1), InputError);
  TracedEnsemble e(3, EnergyKind::errors, columns, 1);
  EXPECT_THROW(e.set_parameters(-1, 0.5), InputError);
  EXPECT_THROW(e.set_parameters(1, std::nan("")), InputError);
  TracedEnsemble one(1, EnergyKind::errors, columns, 1);
  EXPECT_THROW(make_eq9_kernel(one), InputError);
}

}  // namespace
}  // namespace robens
