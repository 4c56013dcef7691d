#include "robens/sweep/job_grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "robens/core/checked_size.hpp"
#include "robens/core/error.hpp"
#include "robens/core/json_value.hpp"
#include "robens/sweep/train_options.hpp"

namespace robens::sweep {
namespace {

using nlohmann::json;

// FNV-1a, then the splitmix64 finaliser so that ids of neighbouring jobs (seed 1 vs 2) differ
// in every digit rather than in the last few.
std::uint64_t text_hash(const std::string& text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// Command-line spelling of one option (train_options.hpp): --flag VALUE, or --x / --no-x.
void append_option(std::vector<std::string>& args, const std::string& key, const json& value,
                   const Job& job, const Experiment& e, std::vector<std::filesystem::path>& dirs) {
  const std::string algorithm = algorithm_of(job.point);
  if (!value.is_string()) {
    for (auto& w : train_option_words(key, value, algorithm, value.dump()))
      args.push_back(std::move(w));
    return;
  }
  const std::string raw = value.get<std::string>();
  std::string text = replace_all(raw, "{job}", job.id);
  text = replace_all(text, "{seed}", std::to_string(job.seed));
  text = replace_all(text, "{variant}", job.variant);
  text = replace_all(text, "{name}", e.name);
  // A per-job path: make its folder so that e.g. "traces/{job}.jsonl" works out of the box.
  if (text != raw &&
      (raw.find("{job}") != std::string::npos || raw.find("{seed}") != std::string::npos)) {
    const auto parent = std::filesystem::path(text).parent_path();
    if (!parent.empty()) dirs.push_back(parent.is_absolute() ? parent : e.directory / parent);
  }
  for (auto& w : train_option_words(key, value, algorithm, text)) args.push_back(std::move(w));
}

// Options that a sweep may not vary (ParameterSpec::sweepable) must be set in "fixed".
void check_varied(const Experiment& e, const std::string& algorithm) {
  auto check = [&](const std::string& raw, const std::string& where) {
    const auto* spec = find_train_option(canonical_key(raw), algorithm);
    require(spec == nullptr || spec->sweepable,
            "{}: {} may not vary within a sweep (results do not depend on it); set it in "
            "\"fixed\"",
            where, raw);
  };
  for (const auto& [key, values] : e.grid) {
    if (!values.empty() && values[0].is_object()) {
      for (const auto& v : values)
        for (const auto& [option, x] : v.items()) check(option, "grid." + key);
    } else {
      check(key, "grid." + key);
    }
  }
  for (const auto& v : e.variants)
    for (const auto& [option, x] : v.options.items()) check(option, "variants." + v.name);
}

}  // namespace

std::string sweep_job_id(const std::string& command, const std::string& variant, const json& point,
                         std::uint64_t seed) {
  // json objects keep their keys sorted, so dump() is canonical whatever order the file used.
  return fmt::format("{:016x}", text_hash(command + '\n' + variant + '\n' + point.dump() + '\n' +
                                          std::to_string(seed)));
}

std::string record_job_id(const json& record) {
  try {
    const std::string command = record.at("argv").at(0).get<std::string>();
    const json point =
        command == "train" ? canonical_train_point(record.at("point")) : record.at("point");
    return sweep_job_id(command, record.value("variant", std::string()), point,
                        get_integer<std::uint64_t>(record.at("seed"), "seed"));
  } catch (const std::exception&) {
    // Not a record this robens can re-derive (e.g. an algorithm it no longer has): trust it.
    const auto job = record.find("job");
    return job != record.end() && job->is_string() ? job->get<std::string>() : std::string();
  }
}

std::size_t sweep_job_count(const Experiment& e) {
  std::optional<std::size_t> jobs = std::max<std::size_t>(e.variants.size(), 1);
  for (const auto& axis : e.grid)
    if (jobs) jobs = checked_mul(*jobs, axis.second.size());
  if (jobs) jobs = checked_mul(*jobs, e.seeds.size());
  require(jobs && *jobs <= kMaxSweepJobs,
          "the experiment has {} jobs (variants x grid points x seeds), over the limit of {}",
          jobs ? fmt::format("{}", *jobs) : std::string("more than 2^64"), kMaxSweepJobs);
  return *jobs;
}

std::vector<Job> expand_sweep(const Experiment& e) {
  (void)sweep_job_count(e);  // before anything is built
  std::vector<Variant> variants = e.variants;
  if (variants.empty()) variants.push_back({});
  std::size_t points = 1;
  for (const auto& axis : e.grid) points *= axis.second.size();  // no overflow: checked above

  std::vector<Job> jobs;
  for (const auto& variant : variants) {
    for (std::size_t p = 0; p < points; ++p) {
      json point = e.fixed;
      point.update(variant.options);
      // Mixed-radix digits of p pick one value per axis; the last axis varies fastest.
      std::size_t rest = p;
      for (auto axis = e.grid.rbegin(); axis != e.grid.rend(); ++axis) {
        const json& value = axis->second[rest % axis->second.size()];
        if (value.is_object())
          point.update(value);  // a linked axis sets several options
        else
          point[axis->first] = value;
        rest /= axis->second.size();
      }
      try {
        point = canonical_train_point(point);
        check_varied(e, algorithm_of(point));
        const std::string why = unsupported_network(point);
        require(why.empty(), "{}", why);
      } catch (const InputError& err) {
        fail("{}{}: {}", variant.name.empty() ? "" : "variant " + variant.name + ", ",
             "point " + point.dump(), err.what());
      }
      for (const auto seed : e.seeds) {
        Job job;
        job.variant = variant.name;
        job.point = point;
        job.seed = seed;
        job.id = sweep_job_id(e.command, job.variant, point, seed);
        job.args.push_back(e.command);
        for (const auto& [key, value] : point.items())
          append_option(job.args, key, value, job, e, job.directories);
        job.args.insert(job.args.end(), {"--seed", std::to_string(seed), "--json", "--quiet"});
        jobs.push_back(std::move(job));
      }
    }
  }
  return jobs;
}

}  // namespace robens::sweep
