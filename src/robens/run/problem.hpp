#pragma once
// The training problem as parameters (declared once, like an algorithm's): the network (model,
// arch, activation, N, K) and the data (generated at load alpha, with a teacher or not, read from
// a pattern file, or read from a data file or dataset and binarised: docs/data.md), with an
// optional test set. build_problem() makes the TrainingProblem and its recorded description.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/algorithms/training_problem.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/parameter_table.hpp"
#include "robens/io/binarize.hpp"
#include "robens/io/class_selection.hpp"
#include "robens/io/csv_table.hpp"
#include "robens/io/data_file.hpp"

namespace robens {

enum class ModelKind { perceptron, committee };
template <>
struct EnumNames<ModelKind> {
  static constexpr std::pair<ModelKind, const char*> values[] = {
      {ModelKind::perceptron, "perceptron"}, {ModelKind::committee, "committee"}};
};

// Constant +1 inputs appended to read data: as few as make the network valid (odd inputs per sign
// unit, inputs divisible among tree units), or none.
enum class PadInputs { automatic, none };
template <>
struct EnumNames<PadInputs> {
  static constexpr std::pair<PadInputs, const char*> values[] = {{PadInputs::automatic, "auto"},
                                                                 {PadInputs::none, "none"}};
};

// Defaults here are the defaults everywhere (CLI, sweeps, Python): problem_parameter_table().
struct ProblemParameters {
  ModelKind model = ModelKind::committee;
  Architecture arch = Architecture::fully_connected;
  Activation activation = Activation::sign;
  long n = 321;          // inputs: per hidden unit for fc (and the perceptron), in total for tree
  long k = 5;            // hidden units
  double alpha = 0.5;    // load: M = round(alpha · weights)
  std::string patterns;  // read the patterns from this file instead of generating them
  bool teacher = false;  // label generated inputs with a random teacher of the same network
  long data_seed = -1;   // seed of the generated data (-1: the run's seed)
  // Read data (docs/data.md); recorded only when used, so older outputs are unchanged.
  std::string data;  // a data file or a dataset name
  DataFormat data_format = DataFormat::automatic;
  std::string labels;  // the IDX labels file of `data`
  HeaderMode header = HeaderMode::automatic;
  std::string label_column = "first";
  BinarizeRule binarize = BinarizeRule::median;
  double threshold = 0;  // of binarize = threshold
  std::string classes;   // "A,B": two-class task, A → +1, B → -1
  OtherClasses other_classes = OtherClasses::drop;
  PadInputs pad = PadInputs::automatic;
  // A test set: a file or dataset, a held-out fraction of read data, or fresh teacher patterns.
  std::string test;
  std::string test_labels;
  double test_fraction = 0;
  long split_seed = -1;    // -1: the run's seed
  long test_size = 0;      // teacher: test patterns drawn from the same teacher
  long teacher_seed = -1;  // -1: the data seed (as before teacher_seed existed)
};

const ParameterTable<ProblemParameters>& problem_parameter_table();

// The problem of `values` (keys of the problem table; omitted ones take their defaults) with
// run seed `seed`. With a pattern or data file, N is the file's (plus constant inputs for read
// data) and alpha is implied (giving alpha, a different N or teacher is an error). Throws
// InputError.
TrainingProblem build_problem(const nlohmann::json& values, std::uint64_t seed);

// The network of `values` without making the data (a pattern file is not read: its N is then the
// N given or the default). Throws InputError for an invalid network.
NetworkShape problem_shape(const nlohmann::json& values);

// A problem from patterns already in memory (e.g. numpy arrays): `source` names them in the
// description ("patterns").
TrainingProblem make_problem(PatternSet patterns, const NetworkShape& shape, std::uint64_t seed,
                             const std::string& source);

}  // namespace robens
