#include "robens/python/arrays.hpp"

#include <fmt/format.h>

#include <cmath>
#include <type_traits>

namespace robens::python {
namespace {

// np.asarray(value); TypeError unless it is boolean, integer or floating point.
py::array numeric_array(py::handle value, const std::string& name) {
  py::array a = py::array::ensure(value);
  if (!a) {
    PyErr_Clear();
    throw py::type_error(name + ": expected a numpy array (or a nested list of numbers)");
  }
  const char kind = a.dtype().kind();
  if (kind != 'b' && kind != 'i' && kind != 'u' && kind != 'f')
    throw py::type_error(
        fmt::format("{}: expected a numeric array (bool, integer or float), got "
                    "dtype {}",
                    name, py::str(a.dtype()).cast<std::string>()));
  // Half and extended precision: read as double.
  if (kind == 'f' && a.itemsize() != 4 && a.itemsize() != 8) a = a.attr("astype")("float64");
  return a;
}

// Calls fn.template operator()<T>() with the C++ type of the array's dtype.
template <class Fn>
void dispatch(const py::array& a, Fn&& fn) {
  const char kind = a.dtype().kind();
  const auto size = a.itemsize();
  if (kind == 'b') return fn.template operator()<bool>();
  if (kind == 'f')
    return size == 4 ? fn.template operator()<float>() : fn.template operator()<double>();
  if (kind == 'i') {
    if (size == 1) return fn.template operator()<std::int8_t>();
    if (size == 2) return fn.template operator()<std::int16_t>();
    if (size == 4) return fn.template operator()<std::int32_t>();
    return fn.template operator()<std::int64_t>();
  }
  if (size == 1) return fn.template operator()<std::uint8_t>();
  if (size == 2) return fn.template operator()<std::uint16_t>();
  if (size == 4) return fn.template operator()<std::uint32_t>();
  return fn.template operator()<std::uint64_t>();
}

template <class T>
void pack_typed(const py::array& a, BitMatrix& out, const std::string& name) {
  const auto v = a.unchecked<T, 2>();
  for (py::ssize_t r = 0; r < v.shape(0); ++r) {
    Word* words = out.row(static_cast<std::size_t>(r)).data();
    for (py::ssize_t c = 0; c < v.shape(1); ++c) {
      const T x = v(r, c);
      if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(x)) throw py::value_error(fmt::format("{}: NaN at [{}, {}]", name, r, c));
      }
      if (x > T{0}) words[c / 64] |= Word{1} << (c % 64);
    }
  }
}

template <class T>
void labels_typed(const py::array& a, std::vector<std::int8_t>& out, const std::string& name) {
  const auto v = a.unchecked<T, 1>();
  for (py::ssize_t i = 0; i < v.shape(0); ++i) {
    const T x = v(i);
    if constexpr (std::is_same_v<T, bool>) {
      out[static_cast<std::size_t>(i)] = x ? 1 : -1;
    } else {
      const double d = static_cast<double>(x);
      if (d != 1.0 && d != -1.0)
        throw py::value_error(
            fmt::format("{}: labels must be +1 or -1 ({}[{}] = {})", name, name, i, d));
      out[static_cast<std::size_t>(i)] = d > 0 ? 1 : -1;
    }
  }
}

}  // namespace

std::string shape_text(const py::array& a) {
  std::string s = "(";
  for (py::ssize_t d = 0; d < a.ndim(); ++d)
    s += fmt::format("{}{}", d == 0 ? "" : ", ", a.shape(d));
  return s + (a.ndim() == 1 ? ",)" : ")");
}

BitMatrix pack_rows(py::handle array, const std::string& name) {
  const py::array a = numeric_array(array, name);
  if (a.ndim() != 2)
    throw py::value_error(
        fmt::format("{}: expected a 2-d array of shape (M, N), got shape {}", name, shape_text(a)));
  if (a.shape(0) == 0) throw py::value_error(name + ": no patterns (M = 0)");
  if (a.shape(1) == 0) throw py::value_error(name + ": the patterns have no inputs (N = 0)");
  BitMatrix out(static_cast<std::size_t>(a.shape(0)), static_cast<std::size_t>(a.shape(1)));
  dispatch(a, [&]<class T>() { pack_typed<T>(a, out, name); });
  return out;
}

std::vector<std::int8_t> labels_of(py::handle array, std::size_t m, const std::string& name) {
  const py::array a = numeric_array(array, name);
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != m)
    throw py::value_error(
        fmt::format("{}: expected a 1-d array of {} labels (one per pattern), "
                    "got shape {}",
                    name, m, shape_text(a)));
  std::vector<std::int8_t> out(m, 1);
  dispatch(a, [&]<class T>() { labels_typed<T>(a, out, name); });
  return out;
}

PatternSet patterns_from_arrays(py::handle x, py::handle y) {
  if (y.is_none()) throw py::type_error("y: the labels are missing (give X and y)");
  PatternSet set;
  set.inputs = pack_rows(x, "X");
  set.labels = labels_of(y, set.inputs.rows(), "y");
  return set;
}

PatternSet unlabelled_patterns(py::handle x, std::size_t inputs) {
  PatternSet set;
  set.inputs = pack_rows(x, "X");
  if (set.inputs.cols() != inputs)
    throw py::value_error(fmt::format("X: the patterns have {} inputs but the network expects {}",
                                      set.inputs.cols(), inputs));
  set.labels.assign(set.inputs.rows(), 1);
  return set;
}

py::array_t<std::int8_t> rows_to_array(const BitMatrix& rows) {
  py::array_t<std::int8_t> out(
      {static_cast<py::ssize_t>(rows.rows()), static_cast<py::ssize_t>(rows.cols())});
  auto v = out.mutable_unchecked<2>();
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    const auto words = rows.row(r);
    for (std::size_t c = 0; c < rows.cols(); ++c)
      v(static_cast<py::ssize_t>(r), static_cast<py::ssize_t>(c)) =
          ((words[c / 64] >> (c % 64)) & 1U) ? 1 : -1;
  }
  return out;
}

py::array_t<std::int8_t> labels_to_array(const std::vector<std::int8_t>& labels) {
  py::array_t<std::int8_t> out(static_cast<py::ssize_t>(labels.size()));
  std::copy(labels.begin(), labels.end(), out.mutable_data());
  return out;
}

}  // namespace robens::python
