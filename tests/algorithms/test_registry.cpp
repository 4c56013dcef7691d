// The registry and the parameter tables: every parameter of every algorithm appears, under one
// name, in `robens train --algo X --help`, in sweep files and in the saved parameters, and can be
// set from a key/value map (what the Python bindings use).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "robens/algorithms/registry.hpp"
#include "robens/core/error.hpp"
#include "robens/run/problem.hpp"
#include "robens/sweep/train_options.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;

// The flag that --help lists for a spec: booleans show the spelling that changes the default.
std::string help_flag(const ParameterSpec& s) {
  if (s.type == ParameterType::boolean && s.default_value.get<bool>())
    return "--no-" + s.cli_flag().substr(2);
  return s.cli_flag();
}

class Registry : public testing::ScratchDirTest {};

TEST_F(Registry, EveryParameterIsInTheHelpTheSweepKeysAndTheSavedParameters) {
  ASSERT_GE(algorithm_registry().size(), 7U);
  for (const auto& info : algorithm_registry()) {
    SCOPED_TRACE(info.name);
    const auto help = testing::run_cli("train --algo " + info.name + " --help");
    ASSERT_EQ(help.status, 0);
    const std::string file = path(info.name + ".json");
    const auto trained =
        testing::run_cli("train --algo " + info.name +
                         " --model perceptron --N 21 --alpha 0.1 --quiet --save " + file);
    ASSERT_EQ(trained.status, 0) << trained.err;
    const json saved = json::parse(testing::slurp(file))["run"]["params"];
    std::string explicit_defaults;  // every parameter spelled out as a sweep job would
    for (const auto& spec : info.parameters) {
      SCOPED_TRACE(spec.key);
      if (!spec.output) {  // output file names are recorded only when set
        ASSERT_TRUE(saved.contains(spec.key));
        EXPECT_EQ(spec.check(saved[spec.key]), spec.default_value);
      }
      if (!spec.settable) continue;  // fixed by this variant: recorded only
      EXPECT_NE(help.out.find(help_flag(spec)), std::string::npos);
      // A sweep point with the key (either spelling) is accepted and becomes that flag.
      const json point = {{"algo", info.name}, {spec.key, spec.default_value}};
      const json canonical = sweep::canonical_train_point(point);
      EXPECT_EQ(canonical, point);
      if (!spec.output)
        for (const auto& w : sweep::train_option_words(spec.key, spec.default_value, info.name,
                                                       spec.text_of(spec.default_value)))
          explicit_defaults += " '" + w + "'";
      std::string dashed = spec.key;
      std::replace(dashed.begin(), dashed.end(), '_', '-');
      EXPECT_EQ(sweep::canonical_train_point({{"algo", info.name}, {dashed, spec.default_value}}),
                point);
      // And from a key/value map, the value comes back in the parameters.
      const auto algorithm = info.make({{spec.key, spec.default_value}});
      if (!spec.output) {
        EXPECT_EQ(algorithm->parameters()[spec.key], saved[spec.key]);
      }
    }
    // The command line a sweep builds from the keys runs the same configuration.
    const auto spelled = testing::run_cli("train --algo " + info.name +
                                          " --model perceptron --N 21 --alpha 0.1 --quiet --save " +
                                          path("spelled.json") + explicit_defaults);
    ASSERT_EQ(spelled.status, 0) << spelled.err;
    EXPECT_EQ(json::parse(testing::slurp(path("spelled.json")))["run"]["params"], saved);
  }
}

TEST(RegistryValues, KeyValueMapsAreValidatedWithTheTablesMessages) {
  EXPECT_EQ(make_algorithm("rsa", {{"beta", 2}})->parameters()["beta"], 2.0);
  EXPECT_EQ(make_algorithm("rsgd", {{"max-epochs", 30}})->parameters()["max_epochs"], 30);
  auto message = [](const char* name, const json& values) {
    try {
      make_algorithm(name, values);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_NE(message("rsa", {{"gama", 1}}).find("unknown parameter 'gama'"), std::string::npos);
  EXPECT_NE(message("rsa", {{"beta", -1}}).find("beta must be >= 0"), std::string::npos);
  EXPECT_NE(message("rsa", {{"beta", "hot"}}).find("beta: expected a number"), std::string::npos);
  EXPECT_NE(message("rsgd", {{"y", 2.5}}).find("y: expected a whole number"), std::string::npos);
  EXPECT_NE(message("rsgd", {{"y", 4}}).find("y must be odd"), std::string::npos);
  EXPECT_NE(message("rsgd", {{"formula", "cubic"}}).find("expected one of: simple"),
            std::string::npos);
  EXPECT_NE(message("sgd", {{"y", 3}}).find("fixed by this algorithm"), std::string::npos);
  EXPECT_NE(message("fbp", {{"damping", 1.0}}).find("damping must be in [0, 1)"),
            std::string::npos);
  EXPECT_THROW(find_algorithm("nope"), InputError);
}

TEST(RegistryShapes, AlgorithmsSayWhichNetworksTheyTrain) {
  const auto relu = NetworkShape::committee(Architecture::tree, 64, 4, Activation::relu);
  const auto tree = NetworkShape::committee(Architecture::tree, 63, 3, Activation::sign);
  const auto perceptron = NetworkShape::perceptron(101);
  EXPECT_NE(find_algorithm("rsgd").unsupported(relu), "");
  EXPECT_EQ(find_algorithm("rsgd").unsupported(tree), "");
  EXPECT_NE(find_algorithm("fbp").unsupported(tree), "");
  EXPECT_NE(find_algorithm("fbp").unsupported(relu), "");
  EXPECT_EQ(find_algorithm("rsa").unsupported(relu), "");
  EXPECT_EQ(find_algorithm("greedy").unsupported(relu), "");
  EXPECT_NE(make_algorithm("rsa", {{"energy", "minflips"}})->unsupported(relu), "");
  for (const auto& info : algorithm_registry()) EXPECT_EQ(info.unsupported(perceptron), "");
}

}  // namespace
}  // namespace robens
