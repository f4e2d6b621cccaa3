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

// Loading and saving use IDBFS's record format and helpers (one record per file
// or folder, keyed by path: {timestamp, mode, contents}) but not FS.syncfs,
// which asks IndexedDB for the stored set on every save: a key cursor, one
// round trip per file, 0.5 s with a 100,000-incident desk here. Instead:
//   load:    one read-only transaction, getAllKeys + getAll, written into MEMFS;
//   persist: the stored set is remembered (path -> modification time, ms), so a
//            save compares it with the files (FS.stat only) and writes what
//            changed in one read-write transaction.
// The remembered set changes only when a transaction has completed, so a
// failed save is simply redone whole by the next one. A file read within the
// very millisecond of its last write is remembered as "unknown" (NaN): a later
// write in that same millisecond keeps the time, and must not look saved.
EM_JS(void, hotline_js_idbfs_mount_and_load, (const char* mount_point, int token), {
    function finish(error) {
        ccall('hotline_idbfs_done', null, ['number', 'number', 'string'],
              [token, error ? 0 : 1, error ? String(error.message || error.name || error) : ""]);
    }
    var path = UTF8ToString(mount_point);
    var mount;
    try {
        if (typeof indexedDB === 'undefined' || !indexedDB) {
            throw new Error('this browser offers no IndexedDB');
        }
        FS.mkdirTree(path);
        FS.mount(IDBFS, {}, path);
        mount = FS.lookupPath(path).node.mount;
    } catch (e) {
        setTimeout(function() { finish(e); }, 0);
        return;
    }
    var state = Module['hotlineIdbfs'] = {mount: mount, stored: {}};
    IDBFS.getDB(mount.mountpoint, function(error, db) {
        if (error) return finish(error);
        var keys, values;
        try {
            var transaction = db.transaction([IDBFS.DB_STORE_NAME], 'readonly');
            var store = transaction.objectStore(IDBFS.DB_STORE_NAME);
            store.getAllKeys().onsuccess = function(event) { keys = event.target.result; };
            store.getAll().onsuccess = function(event) { values = event.target.result; };
            transaction.onabort = function() {
                finish(transaction.error || new Error('reading IndexedDB failed'));
            };
            transaction.oncomplete = function() {
                // Sorted by path: a folder comes before what it holds.
                var order = keys.map(function(key, i) { return i; });
                order.sort(function(a, b) { return keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0; });
                var failure = null;
                order.forEach(function(i) {
                    if (failure) return;
                    IDBFS.storeLocalEntry(keys[i], values[i], function(e) { failure = e; });
                    state.stored[keys[i]] = values[i]['timestamp'].getTime();
                });
                finish(failure);
            };
        } catch (e) {
            finish(e);
        }
    });
});

EM_JS(void, hotline_js_idbfs_persist, (int token), {
    function finish(error) {
        ccall('hotline_idbfs_done', null, ['number', 'number', 'string'],
              [token, error ? 0 : 1, error ? String(error.message || error.name || error) : ""]);
    }
    var state = Module['hotlineIdbfs'];
    IDBFS.getLocalSet(state.mount, function(error, local) {
        if (error) return Promise.resolve().then(function() { finish(error); });
        var changed = Object.keys(local.entries).filter(function(path) {
            return state.stored[path] !== local.entries[path]['timestamp'].getTime();
        });
        var removed = Object.keys(state.stored).filter(function(path) { return !local.entries[path]; });
        if (!changed.length && !removed.length) {
            return Promise.resolve().then(function() { finish(null); });  // never synchronously
        }
        IDBFS.getDB(state.mount.mountpoint, function(error, db) {
            if (error) return finish(error);
            var written = {};
            var transaction;
            try {
                transaction = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
                var store = transaction.objectStore(IDBFS.DB_STORE_NAME);
                var now = Date.now();
                changed.sort().forEach(function(path) {
                    IDBFS.loadLocalEntry(path, function(e, entry) {
                        if (e) throw e;
                        var time = entry['timestamp'].getTime();
                        written[path] = time >= now ? NaN : time;
                        store.put(entry, path);  // copies the contents now
                    });
                });
                removed.forEach(function(path) { store.delete(path); });
                // Every request is made: commit now rather than when control
                // returns to the event loop. A save started while the page is
                // being closed (pagehide) is otherwise aborted with the page.
                if (transaction.commit) transaction.commit();
            } catch (e) {
                if (transaction) transaction.abort();
                return Promise.resolve().then(function() { finish(e); });
            }
            transaction.onabort = function() {
                finish(transaction.error || new Error('writing IndexedDB failed'));
            };
            transaction.oncomplete = function() {
                Object.keys(written).forEach(function(path) { state.stored[path] = written[path]; });
                removed.forEach(function(path) { delete state.stored[path]; });
                finish(null);
            };
        });
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
    hotline_js_idbfs_mount_and_load(mount_point.c_str(), wait_for(std::move(done)));
}

void persist(Done done) {
    hotline_js_idbfs_persist(wait_for(std::move(done)));
}

}  // namespace hotline::web::idbfs
