// The browser's IndexedDB seen as a folder: Emscripten's IDBFS mounted at one
// path of the in-memory file system.
//
// Files live in memory (MEMFS) and IndexedDB holds a copy: load() copies
// IndexedDB into memory once at start, persist() writes every file changed
// since the last persist back (whole files, one IndexedDB record each; its cost
// grows with the number of files, see TOOLCHAIN.md). Both are asynchronous and
// call `done` later, from the browser's event loop. IDBFS spots changed files
// by their modification time in whole milliseconds; idbfs.cpp makes sure a file
// rewritten within the millisecond a persist read it is still written next time.
//
// REQUIRES: at most one load or persist in flight at a time (IDBFS does not
// queue them; two at once corrupt its bookkeeping). DurableSaver enforces it.
#pragma once

#include <functional>
#include <string>

namespace hotline::web::idbfs {

using Done = std::function<void(bool ok, const std::string& error)>;

// Mounts IDBFS at `mount_point` (created if missing) and loads what IndexedDB
// holds for it. Fails when the browser offers no IndexedDB (some private
// modes) or refuses to open it.
void mount_and_load(const std::string& mount_point, Done done);

// Writes the files changed since the last persist to IndexedDB.
void persist(Done done);

}  // namespace hotline::web::idbfs
