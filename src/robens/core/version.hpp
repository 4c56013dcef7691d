#pragma once
// The version every output records: "MAJOR.MINOR.PATCH+gCOMMIT" (".dirty" when the build had
// uncommitted changes; no suffix outside a git checkout). Defined in a file the build regenerates
// whenever the commit changes (cmake/version.cmake), so it is never stale.
namespace robens {
extern const char* const kVersion;
}  // namespace robens
