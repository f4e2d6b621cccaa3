#include "platform/web/idbfs.hpp"

#include <emscripten.h>

#include <map>
#include <utility>

namespace {

// Callbacks waiting for JavaScript, by token.
std::map<int, hotline::web::idbfs::Done>& waiting() {
    static std::map<int, hotline::web::idbfs::Done> callbacks;
    return callbacks;
}

int wait_for(hotline::web::idbfs::Done done) {
    static int next_token = 0;
    const int token = ++next_token;
    waiting().emplace(token, std::move(done));
    return token;
}

// IDBFS decides what to write by comparing each file's modification time (whole
// milliseconds) with the one it stored. A file written again within the very
// millisecond in which a persist read it keeps that time, looks unchanged, and
// its last write would never reach IndexedDB. So the reads are watched: a file
// whose time equals the millisecond of its read gets a later time before the
// next persist, which then writes it again.
EM_JS(void, hotline_js_idbfs_watch_reads, (), {
    var atRisk = Module['hotlineIdbfsAtRisk'] = {};
    var load = IDBFS.loadLocalEntry;
    IDBFS.loadLocalEntry = function(path, callback) {
        var readAt = Date.now();
        load(path, function(error, entry) {
            if (!error && entry['timestamp'].getTime() >= readAt) atRisk[path] = readAt;
            callback(error, entry);
        });
    };
});

EM_JS(void, hotline_js_idbfs_retouch, (), {
    var atRisk = Module['hotlineIdbfsAtRisk'];
    Object.keys(atRisk).forEach(function(path) {
        var readAt = atRisk[path];
        delete atRisk[path];
        try {
            if (FS.stat(path).mtime.getTime() === readAt) {
                var later = Math.max(Date.now(), readAt + 1);
                FS.utime(path, later, later);
            }
        } catch (e) {
            // removed since: IDBFS deletes it from IndexedDB
        }
    });
});

EM_JS(void, hotline_js_idbfs_mount_and_load, (const char* mount_point, int token), {
    function done(error) {
        ccall('hotline_idbfs_done', null, ['number', 'number', 'string'],
              [token, error ? 0 : 1, error ? String(error.message || error.name || error) : ""]);
    }
    var path = UTF8ToString(mount_point);
    try {
        if (typeof indexedDB === 'undefined' || !indexedDB) {
            throw new Error('this browser offers no IndexedDB');
        }
        FS.mkdirTree(path);
        FS.mount(IDBFS, {}, path);
    } catch (e) {
        setTimeout(function() { done(e); }, 0);
        return;
    }
    FS.syncfs(true, done);
});

EM_JS(void, hotline_js_idbfs_persist, (int token), {
    FS.syncfs(false, function(error) {
        ccall('hotline_idbfs_done', null, ['number', 'number', 'string'],
              [token, error ? 0 : 1, error ? String(error.message || error.name || error) : ""]);
    });
});

}  // namespace

// Called by the JavaScript above when a load or persist has finished.
extern "C" EMSCRIPTEN_KEEPALIVE void hotline_idbfs_done(int token, int ok, const char* error) {
    auto found = waiting().find(token);
    if (found == waiting().end()) return;
    auto done = std::move(found->second);
    waiting().erase(found);
    done(ok != 0, error ? error : "");
}

namespace hotline::web::idbfs {

void mount_and_load(const std::string& mount_point, Done done) {
    hotline_js_idbfs_watch_reads();
    hotline_js_idbfs_mount_and_load(mount_point.c_str(), wait_for(std::move(done)));
}

void persist(Done done) {
    hotline_js_idbfs_retouch();
    hotline_js_idbfs_persist(wait_for(std::move(done)));
}

}  // namespace hotline::web::idbfs
