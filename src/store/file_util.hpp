// The few file operations the store needs, with crash-safety spelled out.
// Plain C stdio + std::filesystem, so the same code runs natively, under node
// (NODERAWFS) and in the browser on an IDBFS mount.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hotline::store {

// Whole file into memory. Error "not_found" when it does not exist.
Result<std::string> read_file(const std::string& path);

// Replaces `path` atomically: writes "<path>.tmp", flushes it to stable
// storage, then renames it over `path`. After a crash, `path` holds either the
// old or the new contents, never a mix.
Outcome write_file_atomically(const std::string& path, std::string_view data);

// Appends and flushes to stable storage. A crash may leave a torn tail, which
// the record format detects.
Outcome append_to_file(const std::string& path, std::string_view data);

Outcome make_directory(const std::string& path);
std::vector<std::string> list_directory(const std::string& path);  // file names only
void remove_file(const std::string& path);

}  // namespace hotline::store
