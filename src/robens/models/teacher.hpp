#pragma once
// Teacher-student problems: random inputs labelled by a random teacher of a given architecture.
// The teacher's weights come from its own seed (StreamPurpose::teacher), the inputs from the data
// seed (StreamPurpose::patterns; stream 0 for training, 1 for a test set), so data drawn with
// other seeds can share one teacher.
#include <cstdint>

#include "robens/models/binary_network.hpp"

namespace robens {

struct TeacherProblem {
  PatternSet patterns;
  BinaryNetwork teacher;
};

BinaryNetwork random_teacher(const NetworkShape& shape, std::uint64_t teacher_seed);

// `count` random inputs labelled by `teacher`. ReLU teachers can output exactly 0; such inputs are
// redrawn so every label is well defined.
PatternSet teacher_labelled_patterns(const BinaryNetwork& teacher, std::size_t count,
                                     std::uint64_t data_seed, std::uint64_t stream = 0);

// Teacher and training patterns; the teacher seed defaults to the data seed (as before there was
// a separate teacher seed, so old runs are reproduced).
TeacherProblem teacher_student_patterns(std::size_t patterns, const NetworkShape& shape,
                                        std::uint64_t seed);
TeacherProblem teacher_student_patterns(std::size_t patterns, const NetworkShape& shape,
                                        std::uint64_t data_seed, std::uint64_t teacher_seed);

// The overlap q = (1/N_w) Σ_j W_j T_j of a student with the teacher. The hidden units of a fully
// connected committee are interchangeable, so there each student unit is first matched to a
// teacher unit with the same output weight (greedily, largest unit overlap first).
double teacher_overlap(const BinaryNetwork& student, const BinaryNetwork& teacher);

}  // namespace robens
