#include "robens/io/idx_file.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "robens/core/error.hpp"
#include "robens/io/gzip.hpp"

namespace robens {
namespace {

// Bytes per value of an IDX type byte; 0 for an unknown type.
std::size_t value_size(int type) {
  switch (type) {
    case 0x08:
    case 0x09:
      return 1;
    case 0x0B:
      return 2;
    case 0x0C:
    case 0x0D:
      return 4;
    case 0x0E:
      return 8;
    default:
      return 0;
  }
}

bool is_integer_type(int type) {
  return type == 0x08 || type == 0x09 || type == 0x0B || type == 0x0C;
}

std::uint64_t big_endian(const unsigned char* p, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

double decode(int type, const unsigned char* p) {
  switch (type) {
    case 0x08:
      return p[0];
    case 0x09:
      return static_cast<std::int8_t>(p[0]);
    case 0x0B:
      return static_cast<std::int16_t>(static_cast<std::uint16_t>(big_endian(p, 2)));
    case 0x0C:
      return static_cast<std::int32_t>(static_cast<std::uint32_t>(big_endian(p, 4)));
    case 0x0D:
      return std::bit_cast<float>(static_cast<std::uint32_t>(big_endian(p, 4)));
    default:
      return std::bit_cast<double>(big_endian(p, 8));
  }
}

}  // namespace

std::size_t IdxArray::item_size() const {
  std::size_t n = 1;
  for (std::size_t d = 1; d < dims.size(); ++d) n *= dims[d];
  return n;
}

bool looks_like_idx(std::string_view bytes) {
  if (bytes.size() < 4 || bytes[0] != 0 || bytes[1] != 0) return false;
  const auto dims = static_cast<unsigned char>(bytes[3]);
  return value_size(static_cast<unsigned char>(bytes[2])) != 0 && dims >= 1 && dims <= 4;
}

IdxArray idx_from_bytes(std::string_view bytes, const std::string& source) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  require(bytes.size() >= 4, "{}: too short for an IDX file ({} bytes)", source, bytes.size());
  require(data[0] == 0 && data[1] == 0 && value_size(data[2]) != 0 && data[3] >= 1,
          "{}: not an IDX file (bad magic number 0x{:02x}{:02x}{:02x}{:02x}; expected 0x0000, a "
          "type byte 08/09/0b/0c/0d/0e and the number of dimensions)",
          source, data[0], data[1], data[2], data[3]);
  IdxArray a;
  a.type = data[2];
  const std::size_t rank = data[3], size = value_size(a.type);
  require(bytes.size() >= 4 + 4 * rank, "{}: IDX file is truncated inside its header ({} bytes)",
          source, bytes.size());
  // Count the values against the bytes actually there, before allocating anything.
  const std::size_t available = (bytes.size() - 4 - 4 * rank) / size;
  std::size_t count = 1;
  for (std::size_t d = 0; d < rank; ++d) {
    a.dims.push_back(static_cast<std::size_t>(big_endian(data + 4 + 4 * d, 4)));
    require(a.dims.back() == 0 || count <= available / a.dims.back(),
            "{}: IDX header declares dimensions {} (and more), more values than the {} bytes of "
            "the file hold (truncated file?)",
            source, fmt::join(a.dims, " x "), bytes.size());
    count *= a.dims.back();
  }
  const std::size_t payload = bytes.size() - 4 - 4 * rank;
  require(payload == count * size,
          "{}: IDX header declares {} values of {} bytes ({}), but the file holds {} bytes of data",
          source, count, size, fmt::join(a.dims, " x "), payload);
  a.values.resize(count);
  const unsigned char* p = data + 4 + 4 * rank;
  for (std::size_t i = 0; i < count; ++i, p += size) a.values[i] = decode(a.type, p);
  if (!is_integer_type(a.type))
    for (std::size_t i = 0; i < count; ++i)
      require(std::isfinite(a.values[i]), "{}: value {} is not finite", source, i + 1);
  return a;
}

IdxArray read_idx(const std::filesystem::path& path) {
  return idx_from_bytes(read_maybe_gzip(path), path.string());
}

DataTable table_from_idx(IdxArray images, const IdxArray& labels, const std::string& source) {
  require(labels.dims.size() == 1,
          "{}: the labels file has {} dimensions; IDX labels have one (an item count)", source,
          labels.dims.size());
  require(is_integer_type(labels.type),
          "{}: the labels file holds type 0x{:02x}; labels must be integers (08, 09, 0b or 0c)",
          source, labels.type);
  require(images.items() == labels.items(),
          "{}: the images file has {} items but the labels file has {}", source, images.items(),
          labels.items());
  DataTable t;
  t.source = source;
  t.features = images.item_size();
  t.values = std::move(images.values);
  t.labels.reserve(labels.values.size());
  for (double v : labels.values) t.labels.push_back(static_cast<long>(v));
  t.validate();
  return t;
}

DataTable read_idx_pair(const std::filesystem::path& images, const std::filesystem::path& labels) {
  return table_from_idx(read_idx(images), read_idx(labels),
                        images.string() + " + " + labels.string());
}

std::filesystem::path idx_labels_path_for(const std::filesystem::path& images) {
  std::string name = images.filename().string();
  const auto at = name.find("images-idx3");
  if (at == std::string::npos) return {};
  name.replace(at, 11, "labels-idx1");
  return images.parent_path() / name;
}

}  // namespace robens
