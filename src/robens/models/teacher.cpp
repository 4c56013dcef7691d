#include "robens/models/teacher.hpp"

#include <vector>

#include "robens/core/error.hpp"
#include "robens/models/committee.hpp"

namespace robens {

BinaryNetwork random_teacher(const NetworkShape& shape, std::uint64_t teacher_seed) {
  shape.validate();
  Rng teacher_rng(teacher_seed, StreamPurpose::teacher);
  return BinaryNetwork::random(shape, teacher_rng);
}

PatternSet teacher_labelled_patterns(const BinaryNetwork& teacher, std::size_t count,
                                     std::uint64_t data_seed, std::uint64_t stream) {
  const NetworkShape& shape = teacher.shape;
  PatternSet out(count, shape.inputs);
  Rng rng(data_seed, StreamPurpose::patterns, stream);
  const Word mask = tail_mask(shape.inputs);
  PatternSet one(1, shape.inputs);
  for (std::size_t a = 0; a < count; ++a) {
    for (int attempt = 0;; ++attempt) {
      require(attempt < 10000, "teacher outputs zero on every input drawn; choose another shape");
      auto row = one.inputs.row(0);
      for (auto& w : row) w = rng.next_u64();
      row.back() &= mask;
      const int field = output_field(teacher, UnitInputs(one, shape), 0);
      if (field == 0) continue;
      out.inputs.set_row(a, one.inputs.row_vector(0));
      out.labels[a] = static_cast<std::int8_t>(field > 0 ? 1 : -1);
      break;
    }
  }
  return out;
}

TeacherProblem teacher_student_patterns(std::size_t patterns, const NetworkShape& shape,
                                        std::uint64_t seed) {
  return teacher_student_patterns(patterns, shape, seed, seed);
}

TeacherProblem teacher_student_patterns(std::size_t patterns, const NetworkShape& shape,
                                        std::uint64_t data_seed, std::uint64_t teacher_seed) {
  TeacherProblem p{PatternSet(), random_teacher(shape, teacher_seed)};
  p.patterns = teacher_labelled_patterns(p.teacher, patterns, data_seed);
  return p;
}

double teacher_overlap(const BinaryNetwork& student, const BinaryNetwork& teacher) {
  require(student.shape == teacher.shape, "teacher overlap: the networks differ in shape");
  const NetworkShape& s = student.shape;
  if (s.architecture != Architecture::fully_connected || s.units == 1)
    return student.overlap(teacher);
  const std::size_t k_count = s.units;
  std::vector<bool> student_used(k_count, false), teacher_used(k_count, false);
  long matched_dot = 0;
  for (std::size_t round = 0; round < k_count; ++round) {
    long best = 0;
    std::size_t best_s = k_count, best_t = k_count;
    for (std::size_t a = 0; a < k_count; ++a)
      for (std::size_t b = 0; b < k_count; ++b) {
        if (student_used[a] || teacher_used[b] || s.output_weight(a) != s.output_weight(b))
          continue;
        const long dot = student.units[a].dot(teacher.units[b]);
        if (best_s == k_count || dot > best) best = dot, best_s = a, best_t = b;
      }
    student_used[best_s] = teacher_used[best_t] = true;
    matched_dot += best;
  }
  return static_cast<double>(matched_dot) / static_cast<double>(s.weights());
}

}  // namespace robens
