#include "store/file_util.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace hotline::store {
namespace {

Error io_error(const std::string& what, const std::string& path) {
    return make_error("io_error", what + " " + path + ": " + std::strerror(errno));
}

// fflush hands data to the OS; fsync asks the OS to put it on disk.
bool flush_to_disk(std::FILE* f) { return std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0; }

Outcome write_all(std::FILE* f, std::string_view data, const std::string& path) {
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), f) != data.size())
        return io_error("cannot write", path);
    if (!flush_to_disk(f)) return io_error("cannot flush", path);
    return {};
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (errno == ENOENT) return make_error("not_found", path + " does not exist");
        return io_error("cannot open", path);
    }
    std::string data;
    // Straight into the string when the size is known: in the browser each copy through a
    // buffer is a call out to JavaScript, and the snapshot is read whole at start-up.
    if (std::fseek(f, 0, SEEK_END) == 0) {
        long size = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
        if (size > 0) {
            data.resize(static_cast<std::size_t>(size));
            data.resize(std::fread(data.data(), 1, data.size(), f));
        }
    }
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);  // unknown size, or grown since
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return io_error("cannot read", path);
    return data;
}

Outcome write_file_atomically(const std::string& path, std::string_view data) {
    std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return io_error("cannot create", tmp);
    Outcome written = write_all(f, data, tmp);
    std::fclose(f);
    if (!written) {
        std::remove(tmp.c_str());
        return written;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        Error e = io_error("cannot rename into", path);
        std::remove(tmp.c_str());
        return e;
    }
    return {};
}

Outcome append_to_file(const std::string& path, std::string_view data) {
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (!f) return io_error("cannot open for append", path);
    Outcome written = write_all(f, data, path);
    std::fclose(f);
    return written;
}

Outcome make_directory(const std::string& path) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return make_error("io_error", "cannot create directory " + path + ": " + ec.message());
    return {};
}

std::vector<std::string> list_directory(const std::string& path) {
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    return names;
}

void remove_file(const std::string& path) { std::remove(path.c_str()); }

}  // namespace hotline::store
