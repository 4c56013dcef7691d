#include "robens/algorithms/rsgd/rsgd.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include "robens/algorithms/schedule.hpp"
#include "robens/core/error.hpp"
#include "robens/models/committee.hpp"

namespace robens {

RsgdParameters RsgdParameters::plain_sgd() {
  RsgdParameters p;
  p.replicas = 1;
  p.lambda = 0;
  p.gamma = 0;
  p.gamma_step = 0;
  return p;
}

void RsgdParameters::validate() const {
  rsgd_parameter_table().check(*this);
  // The centre is the spin-wise majority of the replicas: an even y would leave ties to break.
  require(replicas % 2 == 1 || explicit_center,
          "y must be odd: the centre is the replicas' majority (got {}; --center keeps an explicit "
          "centre and allows any y)",
          replicas);
}

ReplicatedSgd::ReplicatedSgd(RsgdParameters p) : params_(std::move(p)) {
  params_.validate();
}

nlohmann::json ReplicatedSgd::parameters() const {
  return rsgd_parameter_table().to_json(params_);
}

std::string ReplicatedSgd::unsupported(const NetworkShape& shape) const {
  if (shape.activation != Activation::sign)
    return "rsgd trains sign committees and perceptrons; ReLU units are not supported";
  return "";
}

namespace {

inline std::int8_t sign_of(float x) {
  return x > 0 ? 1 : -1;
}

// The ±1 values of the 8 inputs packed in one byte (bit b ↦ entry b).
struct ByteSigns {
  float values[256][8];
  constexpr ByteSigns() : values() {
    for (int v = 0; v < 256; ++v)
      for (int b = 0; b < 8; ++b) values[v][b] = ((v >> b) & 1) ? 1.0F : -1.0F;
  }
};
constexpr ByteSigns kByteSigns{};

// One replica: continuous weights, their signs (flat, unit-major), the same signs bit-packed for
// the forward pass, and the replica's own pattern permutation.
struct Replica {
  std::vector<float> continuous;
  std::vector<std::int8_t> signs;
  BinaryNetwork network;
  std::vector<std::uint32_t> order;
  std::size_t next = 0;
  Rng rng;

  Replica(const NetworkShape& shape, std::size_t patterns, Rng r)
      : continuous(shape.weights()),
        signs(shape.weights()),
        network(shape),
        order(patterns),
        rng(r) {
    std::iota(order.begin(), order.end(), 0U);
    next = patterns;  // the first minibatch step draws this replica's first random order
  }

  void pack() {
    const std::size_t n = network.shape.unit_inputs();
    for (std::size_t k = 0; k < network.units.size(); ++k) {
      auto words = network.units[k].words();
      const std::int8_t* s = signs.data() + k * n;
      for (std::size_t w = 0; w < words.size(); ++w) {
        Word bits = 0;
        const std::size_t end = std::min(n, (w + 1) * kWordBits);
        for (std::size_t i = w * kWordBits; i < end; ++i) bits |= Word{s[i] > 0} << (i % kWordBits);
        words[w] = bits;
      }
    }
  }
};

// Solver codes of a run: the centre, a replica index (>= 0), or nobody yet.
constexpr int kCentre = -1, kNobody = -2;

std::string solver_name(int solver) {
  if (solver == kCentre) return "center";
  if (solver >= 0) return "replica " + std::to_string(solver + 1);
  return "none";
}

class RsgdRun {
 public:
  RsgdRun(const RsgdParameters& p, const TrainingProblem& problem, const WarmStart& start)
      : p_(p),
        shape_(problem.shape),
        inputs_(problem.patterns, problem.shape),
        y_(p.replicas),
        weights_(shape_.weights()),
        unit_n_(shape_.unit_inputs()),
        sum_(weights_, 0),
        eta_{p.eta, p.eta_factor, 0},
        lambda_{p.lambda, p.lambda_factor, 0},
        gamma_{p.gamma, 1, p.gamma_step},
        round_rng_(problem.seed, StreamPurpose::schedule) {
    for (int a = 0; a < y_; ++a)
      replicas_.emplace_back(
          shape_, inputs_.size(),
          Rng(problem.seed, StreamPurpose::replica, static_cast<std::uint64_t>(a)));
    const auto initial = initial_signs(problem.seed, start);
    for (std::size_t a = 0; a < replicas_.size(); ++a) {
      auto& r = replicas_[a];
      r.signs = initial[a];
      for (std::size_t j = 0; j < weights_; ++j) {
        r.continuous[j] = r.signs[j];
        sum_[j] += r.signs[j];
      }
      r.pack();
    }
    if (p_.explicit_center) {
      center_continuous_ = replicas_.front().continuous;
      center_signs_ = replicas_.front().signs;
    }
    rounds_ = (inputs_.size() + static_cast<std::size_t>(p_.batch) - 1) /
              static_cast<std::size_t>(p_.batch);
    round_order_.resize(static_cast<std::size_t>(y_));
    std::iota(round_order_.begin(), round_order_.end(), 0U);
  }

  TrainResult run(Observer& observer) {
    TrainResult result;
    result.step_unit = "epochs";
    long best = -1;
    int solver = kNobody;
    long epoch = 0;
    BinaryNetwork center(shape_);
    while (epoch < p_.max_epochs) {
      run_epoch(epoch);
      ++epoch;
      center = current_center();
      const long center_errors = static_cast<long>(count_errors(center, inputs_));
      const auto replica_errors = report_epoch(epoch, center, center_errors, best, observer);
      if (center_errors == 0) {
        solver = kCentre;
      } else if (!p_.wait_center) {
        for (int a = 0; a < y_ && solver == kNobody; ++a)
          if (replica_errors[static_cast<std::size_t>(a)] == 0) solver = a;
      }
      if (solver != kNobody) break;
      if (observer.stop_requested()) {
        result.interrupted = true;
        break;
      }
    }
    result.solved = solver != kNobody;
    result.solved_by = solver_name(solver);
    result.steps = epoch;
    result.center = solver >= 0 ? replicas_[static_cast<std::size_t>(solver)].network : center;
    result.errors = static_cast<long>(count_errors(result.center, inputs_));
    result.min_errors = best < 0 ? result.errors : best;
    for (const auto& r : replicas_) result.replicas.push_back(r.network);
    result.extra = {{"solved_by", result.solved_by},
                    {"center_errors", static_cast<long>(count_errors(center, inputs_))}};
    return result;
  }

 private:
  // Initial signs of each replica: i.i.d. ±1, one draw shared by all replicas unless init_equal
  // is off; or the saved networks of a warm start.
  std::vector<std::vector<std::int8_t>> initial_signs(std::uint64_t seed,
                                                      const WarmStart& start) const {
    std::vector<std::vector<std::int8_t>> signs;
    if (!start.empty()) {
      require(start.state == nullptr, "rsgd starts from saved networks, not from {}", start.source);
      for (const auto& net : start.starting_networks(replicas_.size(), shape_))
        signs.push_back(net.to_signs());
      return signs;
    }
    std::vector<std::int8_t> first(weights_);
    Rng init(seed, StreamPurpose::init, 0);
    for (auto& w : first) w = static_cast<std::int8_t>(init.sign());
    for (int a = 0; a < y_; ++a) {
      signs.push_back(first);
      if (p_.init_equal || a == 0) continue;
      Rng own(seed, StreamPurpose::init, static_cast<std::uint64_t>(a));
      for (auto& w : signs.back()) w = static_cast<std::int8_t>(own.sign());
    }
    return signs;
  }

  // One epoch (0-based index t): every round, each replica in a fresh random order takes one
  // minibatch step and one kick.
  void run_epoch(long t) {
    const float eta = static_cast<float>(eta_.at(t));
    const auto lambda = static_cast<float>(lambda_.at(t));
    set_kick(gamma_.at(t));
    for (std::size_t round = 0; round < rounds_; ++round) {
      // Each round shuffles the previous round's order (the permutation carries over).
      round_rng_.shuffle(std::span<std::size_t>(round_order_));
      for (std::size_t a : round_order_) {
        minibatch_step(replicas_[a], eta);
        kick(replicas_[a], lambda);
      }
    }
  }

  // Errors of every replica and the step record of epoch `epoch` (1-based); updates `best`.
  std::vector<long> report_epoch(long epoch, const BinaryNetwork& center, long center_errors,
                                 long& best, Observer& observer) const {
    std::vector<long> replica_errors(static_cast<std::size_t>(y_));
    long min_now = center_errors;
    nlohmann::json distances = nlohmann::json::array();
    for (std::size_t a = 0; a < replica_errors.size(); ++a) {
      const auto& net = replicas_[a].network;
      replica_errors[a] = static_cast<long>(count_errors(net, inputs_));
      min_now = std::min(min_now, replica_errors[a]);
      distances.push_back(net.hamming(center));
    }
    best = best < 0 ? min_now : std::min(best, min_now);
    StepRecord rec;
    rec.step = epoch;
    rec.errors = center_errors;
    rec.best_errors = best;
    rec.network = &center;
    const long t = epoch - 1;
    rec.data = {{"epoch", epoch},
                {"center_errors", center_errors},
                {"best_errors", best},
                {"replica_errors", replica_errors},
                {"lambda", lambda_.at(t)},
                {"gamma", gamma_.at(t)},
                {"eta", static_cast<double>(static_cast<float>(eta_.at(t)))},
                {"distances", distances}};
    observer.on_step(rec);
    return replica_errors;
  }

  // Tabulates f(γ·Σ_b W^b) for the y+1 possible sums, and the self-term coefficient c.
  void set_kick(double gamma) {
    table_.assign(static_cast<std::size_t>(y_) + 1, 0.0F);
    for (int s = -y_, idx = 0; s <= y_; s += 2, ++idx) {
      double f = 0;
      switch (p_.formula) {
        case KickFormula::simple:
        case KickFormula::corrected:
          f = std::tanh(gamma * s);
          break;
        case KickFormula::hard:
          f = std::clamp(gamma * s, -1.0, 1.0);
          break;
        case KickFormula::continuous:
          f = static_cast<double>(s) / y_;
          break;
      }
      table_[static_cast<std::size_t>(idx)] = static_cast<float>(f);
    }
    pull_.resize(weights_);
    for (std::size_t j = 0; j < weights_; ++j)
      pull_[j] = table_[static_cast<std::size_t>((sum_[j] + y_) / 2)];
    self_ = p_.formula == KickFormula::corrected ? static_cast<float>(std::tanh(gamma * y_)) : 1.0F;
  }

  // One minibatch: the min-flip gradient of each pattern with the weights at the batch start,
  // added to the continuous weights (the binary weights are re-derived in kick()).
  void minibatch_step(Replica& r, float eta) {
    const std::size_t m = inputs_.size();
    if (r.next >= m) {
      r.rng.shuffle(std::span<std::uint32_t>(r.order));
      r.next = 0;
    }
    const std::size_t end = std::min(m, r.next + static_cast<std::size_t>(p_.batch));
    const std::size_t units = shape_.units;
    int* fields = fields_.data();
    std::pair<int, std::size_t>* wrong = wrong_.data();
    for (; r.next < end; ++r.next) {
      const std::size_t a = r.order[r.next];
      const int label = inputs_.label(a);
      int out = 0;
      for (std::size_t k = 0; k < units; ++k) {
        fields[k] = label * packed_dot(r.network.units[k].words(), inputs_.input(k, a), unit_n_);
        out += fields[k] > 0 ? 1 : -1;
      }
      if (out > 0) continue;
      // Fix the (1 − σH)/2 wrong units closest to threshold (ties: lower index first).
      const auto to_fix = static_cast<std::size_t>((1 - out) / 2);
      std::size_t n_wrong = 0;
      for (std::size_t k = 0; k < units; ++k)
        if (fields[k] < 0) wrong[n_wrong++] = {-fields[k], k};
      std::partial_sort(wrong, wrong + to_fix, wrong + n_wrong);
      const float step = eta * static_cast<float>(label);
      for (std::size_t f = 0; f < to_fix; ++f) add_pattern(r, wrong[f].second, a, step);
    }
  }

  // w += step · ξ for one unit: eight inputs at a time through a byte → 8 × (±1) table, which the
  // compiler vectorises (the per-bit loop was 60 % of an epoch).
  void add_pattern(Replica& r, std::size_t k, std::size_t a, float step) {
    float* __restrict w = r.continuous.data() + k * unit_n_;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(inputs_.input(k, a).data());
    const std::size_t full = unit_n_ / 8;
    for (std::size_t byte = 0; byte < full; ++byte) {
      const float* __restrict signs = kByteSigns.values[bytes[byte]];
      float* __restrict dst = w + 8 * byte;
      for (int b = 0; b < 8; ++b) dst[b] += step * signs[b];
    }
    for (std::size_t i = 8 * full; i < unit_n_; ++i)
      w[i] += step * kByteSigns.values[bytes[i / 8]][i % 8];
  }

  // Eq. 10: pull the replica towards the centre, then re-binarise and update the replica sums.
  // pull_[j] = f(γ Σ_b W^b_j) is kept per weight (it changes only when a weight flips), so the
  // kick is one branch-free, vectorisable pass; flips are found word by word from the sign bits.
  void kick(Replica& r, float lambda) {
    float* w = r.continuous.data();
    if (p_.explicit_center) {
      float* cw = center_continuous_.data();
      std::int8_t* cs = center_signs_.data();
      for (std::size_t j = 0; j < weights_; ++j) {
        const float delta = 0.5F * static_cast<float>(cs[j] - sign_of(w[j]));
        w[j] += lambda * delta;
        cw[j] -= lambda * delta;
        cs[j] = sign_of(cw[j]);
      }
    } else {
      const float* pull = pull_.data();
      const float c = self_;
      for (std::size_t j = 0; j < weights_; ++j) {
        const float current = w[j] > 0 ? 1.0F : -1.0F;
        w[j] += lambda * (pull[j] - c * current);
      }
    }
    for (std::size_t k = 0; k < shape_.units; ++k) {
      auto words = r.network.units[k].words();
      const std::size_t base = k * unit_n_;
      for (std::size_t wd = 0; wd < words.size(); ++wd) {
        const std::size_t begin = base + wd * kWordBits;
        const std::size_t len = std::min(unit_n_ - wd * kWordBits, kWordBits);
        const Word bits = positive_bits(w + begin, len);
        for (Word changed = bits ^ words[wd]; changed != 0; changed &= changed - 1) {
          const std::size_t j = begin + static_cast<std::size_t>(std::countr_zero(changed));
          const std::int8_t now = sign_of(w[j]);
          sum_[j] += now - r.signs[j];
          r.signs[j] = now;
          pull_[j] = table_[static_cast<std::size_t>((sum_[j] + y_) / 2)];
        }
        words[wd] = bits;
      }
    }
  }

  // Bit i set iff x[i] > 0, for len ≤ 64 values.
  static Word positive_bits(const float* x, std::size_t len) {
    Word bits = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128 zero = _mm_setzero_ps();
    for (; i + 4 <= len; i += 4)
      bits |= static_cast<Word>(_mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(x + i), zero))) << i;
#endif
    for (; i < len; ++i) bits |= Word{x[i] > 0} << i;
    return bits;
  }

  // The spin-wise majority of the replicas (sum > 0 ↦ +1, else −1), or the explicit centre.
  BinaryNetwork current_center() const {
    std::vector<std::int8_t> signs(weights_);
    if (p_.explicit_center) {
      signs = center_signs_;
    } else {
      for (std::size_t j = 0; j < weights_; ++j) signs[j] = sum_[j] > 0 ? 1 : -1;
    }
    return BinaryNetwork::from_signs(shape_, signs);
  }

  RsgdParameters p_;
  NetworkShape shape_;
  UnitInputs inputs_;
  int y_;
  std::size_t weights_, unit_n_;
  std::vector<int> sum_;  // Σ_b W^b_j over replicas
  std::vector<Replica> replicas_;
  std::vector<float> center_continuous_;
  std::vector<std::int8_t> center_signs_;
  std::vector<float> table_;
  std::vector<int> fields_ = std::vector<int>(shape_.units);  // scratch of minibatch_step
  std::vector<std::pair<int, std::size_t>> wrong_ =
      std::vector<std::pair<int, std::size_t>>(shape_.units);
  std::vector<float> pull_;  // table_ entry of each weight's current replica sum
  float self_ = 1;
  std::size_t rounds_ = 0;
  Schedule eta_, lambda_, gamma_;
  Rng round_rng_;
  std::vector<std::size_t> round_order_;
};

}  // namespace

TrainResult ReplicatedSgd::run(const TrainingProblem& problem, Observer& observer,
                               const WarmStart& start) {
  const std::string why = unsupported(problem.shape);
  require(why.empty(), "{}", why);
  problem.shape.validate();
  require(problem.patterns.size() <= 0xffffffffULL, "too many patterns for rsgd");
  RsgdRun run(params_, problem, start);
  return run.run(observer);
}

}  // namespace robens
