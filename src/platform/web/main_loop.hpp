// The browser owns the event loop: a frame is a requestAnimationFrame callback,
// so the loop body lives in a function and main() hands it over and leaves.
//
// CONTRACT: run_main_loop never returns. It unwinds main() the way Emscripten's
// simulate_infinite_loop does (a JS exception), so C++ destructors of main()'s
// locals never run and their stack memory is reused: everything `frame` uses
// must be static or on the heap.
#pragma once

#include <emscripten.h>

namespace hotline::web {

template <typename Loop>
[[noreturn]] void run_main_loop(Loop* loop) {
    emscripten_set_main_loop_arg([](void* arg) { static_cast<Loop*>(arg)->frame(); },
                                 loop, 0 /* the display's refresh rate */,
                                 1 /* simulate an infinite loop: do not return */);
    __builtin_unreachable();
}

}  // namespace hotline::web
