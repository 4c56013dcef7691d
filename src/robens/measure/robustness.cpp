#include "robens/measure/robustness.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"
#include "robens/models/committee.hpp"

namespace robens {
namespace {

int output_from_fields(const NetworkShape& shape, const std::vector<int>& h) {
  int out = 0;
  for (std::size_t k = 0; k < h.size(); ++k) {
    if (shape.activation == Activation::sign)
      out += h[k] > 0 ? 1 : (h[k] < 0 ? -1 : 0);
    else
      out += shape.output_weight(k) * std::max(0, h[k]);
  }
  return out;
}

void check_inputs(const BinaryNetwork& net, const PatternSet& patterns,
                  const std::vector<double>& etas, int perturbations) {
  net.shape.validate();
  patterns.validate();
  require(patterns.input_size() == net.shape.inputs,
          "patterns have {} inputs but the network expects {}", patterns.input_size(),
          net.shape.inputs);
  require(patterns.size() >= 1, "the pattern set is empty");
  require(perturbations >= 1, "the number of perturbations must be >= 1 (got {})", perturbations);
  for (double eta : etas)
    require(std::isfinite(eta) && eta >= 0 && eta <= 1,
            "noise fraction eta must be in [0, 1] (got {})", eta);
}

// Draws the perturbed positions into `out` (positions among `n`), from `rng`.
void draw_positions(std::vector<std::size_t>& pool, std::size_t n, double eta, NoiseMode mode,
                    Rng& rng, std::vector<std::size_t>& out) {
  out.clear();
  if (mode == NoiseMode::bernoulli) {
    for (std::size_t j = 0; j < n; ++j)
      if (rng.uniform() < eta) out.push_back(j);
    return;
  }
  const auto m = static_cast<std::size_t>(std::llround(eta * static_cast<double>(n)));
  for (std::size_t t = 0; t < m; ++t) {  // partial Fisher–Yates: m distinct positions
    const std::size_t r = t + rng.below(n - t);
    std::swap(pool[t], pool[r]);
    out.push_back(pool[t]);
  }
}

RobustnessPoint summarize(double eta, const std::vector<double>& per_item) {
  RobustnessPoint p;
  p.eta = eta;
  const double n = static_cast<double>(per_item.size());
  p.error_probability = std::accumulate(per_item.begin(), per_item.end(), 0.0) / n;
  double var = 0;
  for (double v : per_item) var += (v - p.error_probability) * (v - p.error_probability);
  p.standard_error = per_item.size() > 1 ? std::sqrt(var / (n - 1) / n) : 0.0;
  return p;
}

}  // namespace

std::vector<double> normalized_stabilities(const BinaryNetwork& net, const PatternSet& patterns) {
  const UnitInputs in(patterns, net.shape);
  const double scale = net.shape.activation == Activation::sign
                           ? std::sqrt(static_cast<double>(net.shape.units == 1 ? net.shape.inputs
                                                                                : net.shape.units))
                           : std::sqrt(static_cast<double>(net.shape.weights()));
  std::vector<double> out(in.size());
  for (std::size_t a = 0; a < in.size(); ++a) {
    int s = stability(net, in, a);
    if (net.shape.units == 1 && net.shape.activation == Activation::sign)
      s = in.label(a) * hidden_field(net, in, 0, a);  // perceptron: the field itself, not its sign
    out[a] = static_cast<double>(s) / scale;
  }
  return out;
}

std::vector<RobustnessPoint> input_noise_curve(const BinaryNetwork& net, const PatternSet& patterns,
                                               const std::vector<double>& etas, int perturbations,
                                               std::uint64_t seed, NoiseMode mode) {
  check_inputs(net, patterns, etas, perturbations);
  const NetworkShape& shape = net.shape;
  const UnitInputs in(patterns, shape);
  const std::size_t n_in = shape.inputs, K = shape.units, n1 = shape.unit_inputs();
  const bool tree = shape.architecture == Architecture::tree;
  std::vector<RobustnessPoint> curve;
  std::vector<int> base(K), h(K);
  std::vector<std::size_t> pool(n_in), flips;
  for (std::size_t e = 0; e < etas.size(); ++e) {
    std::vector<double> per_pattern(patterns.size());
    for (std::size_t a = 0; a < patterns.size(); ++a) {
      Rng rng(seed, StreamPurpose::measurement, (e << 32) ^ a);
      std::iota(pool.begin(), pool.end(), std::size_t{0});
      for (std::size_t k = 0; k < K; ++k) base[k] = hidden_field(net, in, k, a);
      int wrong = 0;
      for (int t = 0; t < perturbations; ++t) {
        draw_positions(pool, n_in, etas[e], mode, rng, flips);
        h = base;
        for (std::size_t j : flips) {
          const int x = patterns.inputs.get(a, j);
          if (tree) {
            const std::size_t k = j / n1;
            h[k] -= 2 * net.weight(k, j % n1) * x;
          } else {
            for (std::size_t k = 0; k < K; ++k) h[k] -= 2 * net.weight(k, j) * x;
          }
        }
        wrong += in.label(a) * output_from_fields(shape, h) <= 0;
      }
      per_pattern[a] = wrong / static_cast<double>(perturbations);
    }
    curve.push_back(summarize(etas[e], per_pattern));
  }
  return curve;
}

std::vector<RobustnessPoint> weight_noise_curve(const BinaryNetwork& net,
                                                const PatternSet& patterns,
                                                const std::vector<double>& etas, int perturbations,
                                                std::uint64_t seed, NoiseMode mode) {
  check_inputs(net, patterns, etas, perturbations);
  const UnitInputs in(patterns, net.shape);
  const std::size_t nw = net.shape.weights();
  std::vector<RobustnessPoint> curve;
  std::vector<std::size_t> pool(nw), flips;
  for (std::size_t e = 0; e < etas.size(); ++e) {
    std::vector<double> per_perturbation(static_cast<std::size_t>(perturbations));
    Rng rng(seed, StreamPurpose::measurement, (std::uint64_t{1} << 62) ^ e);
    std::iota(pool.begin(), pool.end(), std::size_t{0});
    for (int t = 0; t < perturbations; ++t) {
      draw_positions(pool, nw, etas[e], mode, rng, flips);
      BinaryNetwork noisy = net;
      for (std::size_t j : flips) noisy.set_flat(j, -noisy.flat(j));
      per_perturbation[static_cast<std::size_t>(t)] =
          static_cast<double>(count_errors(noisy, in)) / static_cast<double>(patterns.size());
    }
    curve.push_back(summarize(etas[e], per_perturbation));
  }
  return curve;
}

BinaryNetwork majority_network(const std::vector<BinaryNetwork>& nets, std::uint64_t seed) {
  require(!nets.empty(), "majority of an empty set of networks");
  const NetworkShape& shape = nets.front().shape;
  for (const auto& n : nets) require(n.shape == shape, "networks of different shapes");
  BinaryNetwork out(shape);
  Rng rng(seed, StreamPurpose::measurement, 0xc3e7);
  for (std::size_t j = 0; j < shape.weights(); ++j) {
    int mu = 0;
    for (const auto& n : nets) mu += n.flat(j);
    const bool tie_bit = rng.coin();  // drawn for every weight so ties do not shift the stream
    out.set_flat(j, mu > 0 || (mu == 0 && tie_bit) ? 1 : -1);
  }
  return out;
}

nlohmann::json EnsembleOverlaps::to_json() const {
  return {{"replica_overlap", replica_overlap},
          {"center_overlap", center_overlap},
          {"replica_distance", replica_distance},
          {"center_distance", center_distance},
          {"unit_replica_overlap", unit_replica_overlap}};
}

EnsembleOverlaps ensemble_overlaps(const std::vector<BinaryNetwork>& replicas,
                                   const BinaryNetwork& centre) {
  require(!replicas.empty(), "overlaps of an empty set of replicas");
  EnsembleOverlaps o;
  const std::size_t y = replicas.size(), K = centre.shape.units;
  const double n1 = static_cast<double>(centre.shape.unit_inputs());
  o.unit_replica_overlap.assign(K, 0.0);
  double pairs = 0;
  for (std::size_t a = 0; a < y; ++a) {
    require(replicas[a].shape == centre.shape, "replica {} has a different shape from the centre",
            a + 1);
    o.center_overlap += replicas[a].overlap(centre) / static_cast<double>(y);
    for (std::size_t b = a + 1; b < y; ++b) {
      pairs += 1;
      o.replica_overlap += replicas[a].overlap(replicas[b]);
      for (std::size_t k = 0; k < K; ++k)
        o.unit_replica_overlap[k] +=
            static_cast<double>(replicas[a].units[k].dot(replicas[b].units[k])) / n1;
    }
  }
  if (pairs > 0) {
    o.replica_overlap /= pairs;
    for (auto& u : o.unit_replica_overlap) u /= pairs;
  } else {
    o.replica_overlap = 1;
    std::fill(o.unit_replica_overlap.begin(), o.unit_replica_overlap.end(), 1.0);
  }
  o.replica_distance = (1 - o.replica_overlap) / 2;
  o.center_distance = (1 - o.center_overlap) / 2;
  return o;
}

std::vector<double> eta_grid(double max, int steps) {
  require(std::isfinite(max) && max >= 0 && max <= 1, "--eta-max must be in [0, 1] (got {})", max);
  require(steps >= 1 && steps <= 10000, "--eta-steps must be between 1 and 10000 (got {})", steps);
  std::vector<double> out;
  for (int s = 0; s < steps; ++s) out.push_back(steps == 1 ? max : max * s / (steps - 1));
  return out;
}

}  // namespace robens
