#include "robens/cli/algorithm_cli.hpp"

namespace robens::cli {

// Each factory lives next to its algorithm's CLI adapter (cli/<algo>_cli.cpp).
std::unique_ptr<AlgorithmCli> make_rsgd_cli();
std::unique_ptr<AlgorithmCli> make_sgd_cli();
std::unique_ptr<AlgorithmCli> make_fbp_cli();
std::unique_ptr<AlgorithmCli> make_rbp_cli();
std::unique_ptr<AlgorithmCli> make_rsa_cli();
std::unique_ptr<AlgorithmCli> make_sa_cli();

std::vector<std::unique_ptr<AlgorithmCli>> algorithm_catalog() {
  std::vector<std::unique_ptr<AlgorithmCli>> all;
  all.push_back(make_rsgd_cli());
  all.push_back(make_sgd_cli());
  all.push_back(make_fbp_cli());
  all.push_back(make_rbp_cli());
  all.push_back(make_rsa_cli());
  all.push_back(make_sa_cli());
  return all;
}

}  // namespace robens::cli
