#include "robens/cli/sweep_cluster.hpp"

#include <cstdlib>

#ifdef ROBENS_HAVE_MPI
#include <mpi.h>
#endif

namespace robens::cli {

#ifdef ROBENS_HAVE_MPI
namespace {

constexpr int kRecordTag = 1;
constexpr int kDoneTag = 2;

// Started by an MPI launcher? (Open MPI, PMIx, Hydra.) A plain `robens sweep` stays MPI-free.
bool under_mpi_launcher() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

void send(const std::string& text, int tag) {
  MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, tag, MPI_COMM_WORLD);
}

}  // namespace

SweepCluster::SweepCluster() {
  if (!under_mpi_launcher()) return;
  MPI_Init(nullptr, nullptr);
  initialised_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

SweepCluster::~SweepCluster() {
  if (initialised_) MPI_Finalize();
}

std::vector<std::uint64_t> SweepCluster::broadcast(std::vector<std::uint64_t> values) const {
  if (!distributed()) return values;
  unsigned long long count = values.size();
  MPI_Bcast(&count, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  values.resize(count);
  std::vector<unsigned long long> buffer(values.begin(), values.end());
  MPI_Bcast(buffer.data(), static_cast<int>(count), MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  return {buffer.begin(), buffer.end()};
}

void SweepCluster::send_record(const std::string& line) const {
  send(line, kRecordTag);
}
void SweepCluster::send_done(const std::string& error) const {
  send(error, kDoneTag);
}

std::vector<SweepCluster::Message> SweepCluster::receive() const {
  std::vector<Message> messages;
  if (!distributed()) return messages;
  for (;;) {
    int pending = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &pending, &status);
    if (pending == 0) return messages;
    int count = 0;
    MPI_Get_count(&status, MPI_CHAR, &count);
    std::string text(static_cast<std::size_t>(count), '\0');
    MPI_Recv(text.data(), count, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    messages.push_back({status.MPI_SOURCE, status.MPI_TAG == kDoneTag, std::move(text)});
  }
}

void SweepCluster::abort(int code) const {
  if (initialised_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

#else  // one process, no MPI

SweepCluster::SweepCluster() = default;
SweepCluster::~SweepCluster() = default;
std::vector<std::uint64_t> SweepCluster::broadcast(std::vector<std::uint64_t> values) const {
  return values;
}
void SweepCluster::send_record(const std::string&) const {}
void SweepCluster::send_done(const std::string&) const {}
std::vector<SweepCluster::Message> SweepCluster::receive() const {
  return {};
}
void SweepCluster::abort(int code) const {
  std::exit(code);
}

#endif

}  // namespace robens::cli
