#pragma once
// Teacher-student problems: random inputs labelled by a random teacher of a given architecture.
#include <cstdint>

#include "robens/models/binary_network.hpp"

namespace robens {

struct TeacherProblem {
  PatternSet patterns;
  BinaryNetwork teacher;
};

// ReLU teachers can output exactly 0; such inputs are redrawn so every label is well defined.
TeacherProblem teacher_student_patterns(std::size_t patterns, const NetworkShape& shape,
                                        std::uint64_t seed);

}  // namespace robens
