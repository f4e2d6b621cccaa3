// The browser's clipboard for ImGui. Emscripten's GLFW 3.1.6 clipboard
// functions are empty stubs, so:
//   paste: the document's `paste` event (fired by Ctrl+V before ImGui sees the
//          key on its next frame) hands the text to C++; ImGui's Ctrl+V reads it.
//   copy:  ImGui's SetClipboardTextFn calls navigator.clipboard.writeText
//          (allowed without a prompt during a key press), and keeps the text so
//          a paste inside the app works even where writeText is refused.
#pragma once

namespace hotline::web::clipboard {

// Installs the paste listener and ImGui's clipboard functions. Call once after
// the ImGui backends are initialised (they install GLFW's stubs).
void install();

}  // namespace hotline::web::clipboard
