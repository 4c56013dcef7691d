#pragma once
// numpy arrays in and out of the library's bit-packed layout (core/bitvector.hpp: bit 1 = +1).
// Going in is one pass over the caller's buffer (any dtype, any strides) straight into the packed
// words: the one copy that packing needs. Binarisation: entries > 0 are +1, all others -1 (so
// ±1, {0, 1} and boolean arrays all mean what they look like); NaN raises ValueError; arrays that
// are not numeric (strings, objects, complex) raise TypeError.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <vector>

#include "robens/core/bitvector.hpp"
#include "robens/core/pattern_set.hpp"

namespace robens::python {

namespace py = pybind11;

// A 2-d numeric array of ±1 entries, binarised, as packed rows (`name` is used in errors).
BitMatrix pack_rows(py::handle array, const std::string& name);
// A 1-d array of m labels: +1 / -1 (any numeric dtype, exactly ±1) or booleans (True = +1).
std::vector<std::int8_t> labels_of(py::handle array, std::size_t m, const std::string& name);
// X (M, N) and y (M,) as a pattern set.
PatternSet patterns_from_arrays(py::handle x, py::handle y);
// X with every label +1 (for predictions); `inputs` is the width the network expects.
PatternSet unlabelled_patterns(py::handle x, std::size_t inputs);

py::array_t<std::int8_t> rows_to_array(const BitMatrix& rows);
py::array_t<std::int8_t> labels_to_array(const std::vector<std::int8_t>& labels);

// The shape of an array as text, for error messages: "(3, 4)".
std::string shape_text(const py::array& a);

}  // namespace robens::python
