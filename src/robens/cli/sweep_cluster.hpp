#pragma once
// The ranks of an `mpirun -n P robens sweep ...` launch. Rank 0 owns the results file; the other
// ranks run their share of the jobs and send each record to rank 0. Without MPI in the build, or
// when not started by an MPI launcher, there is one rank and no MPI call is made.
#include <cstdint>
#include <string>
#include <vector>

namespace robens::cli {

class SweepCluster {
 public:
  SweepCluster();  // initialises MPI only when built with it and started by mpirun
  ~SweepCluster();
  SweepCluster(const SweepCluster&) = delete;
  SweepCluster& operator=(const SweepCluster&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool distributed() const { return size_ > 1; }

  // Rank 0's values reach every rank.
  std::vector<std::uint64_t> broadcast(std::vector<std::uint64_t> values) const;
  // From a worker to rank 0: one record line, and finally "done" (with an error message or "").
  void send_record(const std::string& line) const;
  void send_done(const std::string& error) const;

  struct Message {
    int from = 0;
    bool done = false;
    std::string text;  // the record line, or the worker's error
  };
  // On rank 0: the messages that have arrived (does not block).
  std::vector<Message> receive() const;
  // Ends every rank at once (after an error that the protocol cannot finish from).
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  [[maybe_unused]] bool initialised_ = false;  // read only in builds with MPI
};

}  // namespace robens::cli
