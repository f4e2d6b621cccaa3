// The mouse wheel, heard on the canvas. ImGui's GLFW backend listens for it on the document,
// where Chromium makes wheel listeners passive, and asks to keep the page from scrolling: the
// browser refuses that with a console error at every turn of the wheel ("Unable to
// preventDefault inside passive event listener"). The same reading of the wheel, listened for
// on the canvas, is an ordinary listener.
#pragma once

namespace hotline::web {

// Call after ImGui_ImplGlfw_InitForOpenGL: takes the wheel from the document to the canvas.
void listen_to_wheel_on_canvas();

}  // namespace hotline::web
