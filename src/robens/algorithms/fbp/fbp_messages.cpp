#include "robens/algorithms/fbp/fbp_messages.hpp"

#include <cmath>

#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/algorithms/fbp/fbp_magnetization.hpp"
#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"

namespace robens {

double convert_raw(double value, MessageFormat from, MessageFormat to) {
  if (from == to) return value;
  return to == MessageFormat::plain ? std::tanh(value) : bp::clamp_field(std::atanh(value));
}

FbpMessages random_messages(MessageFormat f, std::size_t n_inputs, std::size_t n_hidden,
                            std::size_t n_patterns, double randfact, std::uint64_t seed) {
  require(randfact >= 0 && randfact <= 1, "randfact must be in [0, 1] (got {})", randfact);
  FbpMessages msg(f, n_inputs, n_hidden, n_patterns);
  Rng rng(seed, StreamPurpose::messages, 0);
  for (double& u : msg.uw)
    u = convert_raw(randfact * (2.0 * rng.uniform() - 1.0), MessageFormat::plain, f);
  // mw = ⊗ over a of uw, in pattern order.
  for (std::size_t a = 0; a < n_patterns; ++a)
    for (std::size_t j = 0; j < n_hidden * n_inputs; ++j) {
      const double u = msg.uw[a * n_hidden * n_inputs + j];
      msg.mw[j] = f == MessageFormat::tanh ? TanhMag::combine(msg.mw[j], u)
                                           : PlainMag::combine(msg.mw[j], u);
    }
  return msg;
}

FbpMessages convert_messages(const FbpMessages& msg, MessageFormat to) {
  FbpMessages out = msg;
  out.format = to;
  for (auto* v : {&out.ux, &out.mw, &out.mt1, &out.uw, &out.Ut1, &out.mt2, &out.ut1})
    for (double& x : *v) x = convert_raw(x, msg.format, to);
  return out;
}

}  // namespace robens
