#include "robens/run/problem.hpp"

#include <set>

#include "robens/core/error.hpp"
#include "robens/io/binarize.hpp"
#include "robens/models/teacher.hpp"
#include "robens/run/data_problem.hpp"

namespace robens {

using P = ProblemParameters;

const ParameterTable<P>& problem_parameter_table() {
  static const ParameterTable<P> table{
      param("model", &P::model, "perceptron | committee"),
      param("arch", &P::arch, "committee architecture: fc (fully connected) | tree"),
      param("activation", &P::activation,
            "hidden units: sign | relu (relu: K even, output weights +1 on half the units and -1 "
            "on the other half; trained by rsa)"),
      param("N", &P::n,
            "inputs: per hidden unit for fc (and the perceptron), in total for tree; odd for sign "
            "units")
          .at_least(1),
      param("K", &P::k, "hidden units (odd for sign units; ignored for the perceptron)")
          .at_least(1),
      param("alpha", &P::alpha, "load: patterns per weight, M = round(alpha * weights)").above(0),
      param("patterns", &P::patterns,
            "read patterns from FILE (text or .rbp binary) instead of generating them")
          .input_file(),
      param("teacher", &P::teacher,
            "label the generated patterns with a random teacher of the same architecture"),
      param("data_seed", &P::data_seed, "seed of the generated patterns only (-1: the run's seed)")
          .at_least(-1),
      param("teacher_seed", &P::teacher_seed,
            "seed of the teacher's weights (-1: the data seed), so data drawn with other seeds "
            "can share one teacher")
          .at_least(-1),
      param("test_size", &P::test_size,
            "with teacher: also draw this many test patterns from the same teacher")
          .at_least(0)
          .count(),
      param("data", &P::data,
            "read the data from FILE (CSV or whitespace table, IDX images, robens patterns; gzip "
            "allowed) or a dataset: fashion-mnist (docs/data.md)")
          .input_file(),
      param("data_format", &P::data_format,
            "format of data and test: auto (by content) | patterns (+1/-1) | csv (tables) | idx"),
      param("labels", &P::labels,
            "the IDX labels file of data (default: by the MNIST naming, images-idx3 -> "
            "labels-idx1)")
          .input_file(),
      param("header", &P::header,
            "tables: auto (a first line with a non-number is a header) | yes | no"),
      param("label_column", &P::label_column,
            "tables: the label column: first | last | a column number from 1 | a header name"),
      param("binarize", &P::binarize,
            "features -> +1/-1 by x > t: t = the feature's median | mean over the training rows, "
            "a fixed threshold, or the row's sample_mean"),
      param("threshold", &P::threshold, "t of binarize threshold"),
      param("classes", &P::classes,
            "two-class task from labelled data: A,B (class A -> +1, B -> -1; other rows: see "
            "other_classes)"),
      param("other_classes", &P::other_classes,
            "rows of other classes than classes A,B: drop | reject (an error: the data should "
            "hold the two classes only)"),
      param("pad", &P::pad,
            "read data: auto (append the fewest constant +1 inputs that make the network valid, "
            "e.g. a bias making N odd) | none"),
      param("test", &P::test,
            "test set: FILE or dataset (fashion-mnist: its test split), read like data; test "
            "errors of the centre in every step record and the summary")
          .input_file(),
      param("test_labels", &P::test_labels, "the IDX labels file of test (default: by naming)")
          .input_file(),
      param("test_fraction", &P::test_fraction,
            "hold out this fraction of the read data as the test set")
          .at_least(0)
          .below(1),
      param("split_seed", &P::split_seed, "seed of the test_fraction split (-1: the run's seed)")
          .at_least(-1),
  };
  return table;
}

namespace {

NetworkShape shape_of(const P& p, const nlohmann::json& given, std::size_t file_inputs) {
  std::size_t inputs = static_cast<std::size_t>(p.n);
  if (file_inputs > 0) {
    require(!given.contains("N") || inputs == file_inputs,
            "N = {} does not match the {} inputs per pattern in {}", p.n, file_inputs, p.patterns);
    inputs = file_inputs;
  }
  NetworkShape s;
  if (p.model == ModelKind::perceptron) {
    require(!given.contains("K") || p.k == 1, "a perceptron has K = 1 (got K = {})", p.k);
    require(p.activation == Activation::sign,
            "a perceptron has a sign output; activation relu needs model committee");
    s = NetworkShape::perceptron(inputs);
  } else {
    s = NetworkShape::committee(p.arch, inputs, static_cast<std::size_t>(p.k), p.activation);
  }
  s.validate();
  return s;
}

// The recorded problem parameters (N is the network's, whatever the option said).
nlohmann::json describe(const P& p, const TrainingProblem& problem, std::uint64_t data_seed) {
  nlohmann::json j = {{"model", to_string(p.model)},
                      {"arch", to_string(problem.shape.architecture)},
                      {"activation", to_string(problem.shape.activation)},
                      {"N", problem.shape.inputs},
                      {"K", problem.shape.units},
                      {"inputs", problem.shape.inputs},
                      {"weights", problem.shape.weights()},
                      {"M", problem.patterns.size()},
                      {"seed", problem.seed},
                      {"data_seed", data_seed}};
  if (p.patterns.empty() && p.data.empty()) {
    j["alpha"] = p.alpha;
    j["teacher"] = p.teacher;
  } else {
    if (!p.patterns.empty()) j["patterns"] = p.patterns;
    j["alpha"] =
        static_cast<double>(problem.patterns.size()) / static_cast<double>(problem.shape.weights());
  }
  return j;
}

}  // namespace

namespace {

std::set<std::string> keys_of(const nlohmann::json& given) {
  std::set<std::string> keys;
  for (const auto& [key, value] : given.items()) keys.insert(key);
  return keys;
}

// Training (and test) patterns read from `patterns` or `data`, with constant inputs when needed.
void read_problem(const P& p, const nlohmann::json& given, TrainingProblem& problem) {
  require(!given.contains("alpha"),
          "give either {} or alpha, not both (the file fixes the number "
          "of patterns)",
          p.data.empty() ? "patterns" : "data");
  require(!p.teacher, "teacher generates labels; it cannot be combined with a {} file",
          p.data.empty() ? "pattern" : "data");
  DataPatterns d = load_data_patterns(p, keys_of(given), problem.seed);
  const std::size_t added =
      p.data.empty() || p.pad == PadInputs::none ? 0 : constant_inputs_needed(p, d.features);
  require(
      p.data.empty() || !given.contains("N") || static_cast<std::size_t>(p.n) == d.features + added,
      "N = {} does not match the {} inputs of the data ({} features + {} constant inputs)", p.n,
      d.features + added, d.features, added);
  problem.patterns = with_constant_inputs(d.train, added);
  if (d.test.size() > 0) problem.test = with_constant_inputs(d.test, added);
  problem.shape = shape_of(p, given, problem.patterns.input_size());
  problem.description = d.description;
  if (!p.data.empty()) problem.description["inputs_added"] = added;
}

// Random patterns, or a teacher's (with its own seed, and test patterns from it when asked).
void generate_problem(const P& p, const nlohmann::json& given, std::uint64_t data_seed,
                      TrainingProblem& problem) {
  check_data_options(p, keys_of(given));
  problem.shape = shape_of(p, given, 0);
  const std::size_t m = patterns_for_load(p.alpha, problem.shape.weights());
  if (!p.teacher) {
    problem.patterns = random_patterns(m, problem.shape.inputs, data_seed);
    return;
  }
  const std::uint64_t teacher_seed =
      p.teacher_seed < 0 ? data_seed : static_cast<std::uint64_t>(p.teacher_seed);
  TeacherProblem t = teacher_student_patterns(m, problem.shape, data_seed, teacher_seed);
  problem.patterns = std::move(t.patterns);
  if (p.test_size > 0) {
    problem.test =
        teacher_labelled_patterns(t.teacher, static_cast<std::size_t>(p.test_size), data_seed, 1);
    problem.description["test_size"] = p.test_size;
    problem.description["M_test"] = p.test_size;
  }
  if (p.teacher_seed >= 0) problem.description["teacher_seed"] = teacher_seed;
  problem.teacher = std::move(t.teacher);
}

}  // namespace

TrainingProblem build_problem(const nlohmann::json& values, std::uint64_t seed) {
  const auto& table = problem_parameter_table();
  const P p = table.from_json(values);
  nlohmann::json given = nlohmann::json::object();
  for (const auto& [key, value] : values.items()) given[canonical_key(key)] = value;
  const std::uint64_t data_seed = p.data_seed < 0 ? seed : static_cast<std::uint64_t>(p.data_seed);
  TrainingProblem problem;
  problem.seed = seed;
  if (reads_data(p))
    read_problem(p, given, problem);
  else
    generate_problem(p, given, data_seed, problem);
  // The recorded parameters: the common ones, then what the data source added.
  nlohmann::json description = describe(p, problem, data_seed);
  description.update(problem.description);
  problem.description = std::move(description);
  return problem;
}

NetworkShape problem_shape(const nlohmann::json& values) {
  nlohmann::json given = nlohmann::json::object();
  for (const auto& [key, value] : values.items()) given[canonical_key(key)] = value;
  return shape_of(problem_parameter_table().from_json(values), given, 0);
}

TrainingProblem make_problem(PatternSet patterns, const NetworkShape& shape, std::uint64_t seed,
                             const std::string& source) {
  patterns.validate();
  shape.validate();
  require(patterns.input_size() == shape.inputs,
          "the patterns have {} inputs but the network expects {}", patterns.input_size(),
          shape.inputs);
  TrainingProblem problem;
  problem.seed = seed;
  problem.shape = shape;
  problem.patterns = std::move(patterns);
  P p;
  p.model = shape.is_perceptron() ? ModelKind::perceptron : ModelKind::committee;
  p.patterns = source;
  problem.description = describe(p, problem, seed);
  return problem;
}

}  // namespace robens
