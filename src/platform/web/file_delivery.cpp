#include "platform/web/file_delivery.hpp"

#include <emscripten.h>

namespace hotline::web {
namespace {

// A download: a Blob of the bytes (a copy: the wasm heap may move) behind a link clicked
// from script; the object URL is let go once the browser has taken it.
EM_JS(void, hotline_js_download, (const char* name, const char* mime, const char* data, int length), {
    var blob = new Blob([HEAPU8.slice(data, data + length)], {type : UTF8ToString(mime)});
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

// Printing: the page in a hidden frame of its own (no pop-up for a blocker to stop),
// whose print dialog opens once it is laid out. The frame stays until the next print.
EM_JS(void, hotline_js_print, (const char* html, int length), {
    var old = document.getElementById('hotline-print');
    if (old) old.remove();
    var frame = document.createElement('iframe');
    frame.id = 'hotline-print';
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
    frame.onload = function() { frame.contentWindow.focus(); frame.contentWindow.print(); };
    frame.srcdoc = UTF8ToString(html, length);
    document.body.appendChild(frame);
});

}  // namespace

void deliver_file(const app::ExportFile& file) {
    if (file.print)
        hotline_js_print(file.content.c_str(), static_cast<int>(file.content.size()));
    else
        hotline_js_download(file.name.c_str(), file.mime.c_str(), file.content.data(),
                            static_cast<int>(file.content.size()));
}

}  // namespace hotline::web
