#pragma once
// A resumed sweep never races a live job of the sweep before it.
//
// Every running job holds a lock: an flock(2) on its file JOB_ID.lock in the folder RESULTS.locks
// next to the results file. The sweep takes it before it starts the job and hands the locked file
// to the job's process (as its descriptor 3), so the lock lasts while either of them lives. When
// the job ends, the sweep removes the file and the lock goes with it. If the sweep was killed
// (even by SIGKILL), its jobs still hold their locks: the next sweep on the same results file
// waits for such a job to end before it runs it again.
//
// A job also follows its sweep (Linux): the sweep starts it with ROBENS_SWEEP_PID in its
// environment, and follow_sweep_process() (called first thing by every robens process) asks the
// kernel for SIGTERM when the sweep ends (prctl PR_SET_PDEATHSIG); `train` then stops after its
// current step, as on any stop signal. Elsewhere jobs of a killed sweep run to their end, and
// the locks still keep the next sweep from racing them.
#include <filesystem>
#include <optional>
#include <string>

namespace robens::sweep {

class JobLock {
 public:
  // Locks job `id` in `folder` (created if needed); nullopt while another process holds it.
  // InputError if the lock file cannot be made or locked.
  static std::optional<JobLock> try_lock(const std::filesystem::path& folder,
                                         const std::string& id);
  JobLock(JobLock&& other) noexcept;
  JobLock& operator=(JobLock&& other) noexcept;
  ~JobLock();  // removes the lock file, then releases the lock (in this process)
  JobLock(const JobLock&) = delete;
  JobLock& operator=(const JobLock&) = delete;

  int fd() const { return fd_; }  // the locked file, to hand to the job's process

 private:
  JobLock(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::filesystem::path path_;
  int fd_ = -1;
};

// The lock folder of a results file: RESULTS.locks.
std::filesystem::path job_lock_folder(const std::filesystem::path& results_file);

// "ROBENS_SWEEP_PID=<this process>": the environment entry that makes a job follow this process.
std::string sweep_process_environment();

// In a job started by a sweep: ask for SIGTERM when the sweep ends (raised at once if it already
// has). Elsewhere (no ROBENS_SWEEP_PID) nothing. The variable is removed from the environment.
void follow_sweep_process();

}  // namespace robens::sweep
