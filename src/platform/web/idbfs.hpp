// The browser's IndexedDB seen as a folder: Emscripten's IDBFS mounted at one
// path of the in-memory file system (one mount per page).
//
// Files live in memory (MEMFS) and IndexedDB holds a copy, one record per file
// in IDBFS's own format: mount_and_load() copies IndexedDB into memory once at
// start, persist() writes back every file changed since the last persist (whole
// files: keep a replica in a few tens of files, the often-written ones small).
// Both are asynchronous and call `done` later, from the browser's event loop,
// never from inside the call. idbfs.cpp explains why they do not use
// FS.syncfs, and how changed files are told by their modification times.
//
// REQUIRES: at most one load or persist in flight at a time (each compares
// with the set the previous one stored). DurableSaver enforces it.
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
