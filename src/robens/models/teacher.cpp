#include "robens/models/teacher.hpp"

#include "robens/core/error.hpp"
#include "robens/models/committee.hpp"

namespace robens {

TeacherProblem teacher_student_patterns(std::size_t patterns, const NetworkShape& shape,
                                        std::uint64_t seed) {
  shape.validate();
  Rng teacher_rng(seed, StreamPurpose::teacher);
  TeacherProblem p{PatternSet(patterns, shape.inputs), BinaryNetwork::random(shape, teacher_rng)};
  Rng rng(seed, StreamPurpose::patterns);
  const Word mask = tail_mask(shape.inputs);
  PatternSet one(1, shape.inputs);
  for (std::size_t a = 0; a < patterns; ++a) {
    for (int attempt = 0;; ++attempt) {
      require(attempt < 10000, "teacher outputs zero on every input drawn; choose another shape");
      auto row = one.inputs.row(0);
      for (auto& w : row) w = rng.next_u64();
      row.back() &= mask;
      const int out = output_field(p.teacher, UnitInputs(one, shape), 0);
      if (out == 0) continue;
      p.patterns.inputs.set_row(a, one.inputs.row_vector(0));
      p.patterns.labels[a] = static_cast<std::int8_t>(out > 0 ? 1 : -1);
      break;
    }
  }
  return p;
}

}  // namespace robens
