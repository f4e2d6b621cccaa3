// The page around the canvas (shell/index.html): its loading screen and error
// box, what the address asks for, and the page's lifecycle events.
//
// The shell provides Module.shell = {status(text), problem(title, detail),
// ready()}; without it (another page) these fall back to the console.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace hotline::web::page {

// The loading screen's status line.
void set_status(const char* text);
// Replaces the loading screen with a message that the app cannot run.
void show_problem(const char* title, const std::string& detail);
// Hides the loading screen: the interface is drawn and usable.
void app_ready();

// The wall clock (Date.now()), in milliseconds since 1970: the app reads no
// clock itself, the platform passes the time in.
std::int64_t now_ms();

// The user's time zone at a moment (ms since 1970 UTC), as minutes east of UTC: the
// browser's rules for its zone, daylight saving included (app/local_zone.hpp).
int utc_offset_at(std::int64_t wall_ms);

// The browser's preferred language, a BCP 47 tag: "fr-FR", "ru", "en-US".
std::string browser_language();
// <html lang="…">: the language the interface is shown in.
void set_document_language(const std::string& code);

// Says `text` to screen readers through the page's live regions: politely, or at once
// (`urgent`: a refusal).
void announce(const std::string& text, bool urgent);

// The address asks for the static demo: "?demo" (any value) in its query.
bool demo_requested();
// Goes to this page's address with "?demo": the static demo's own desk.
void open_demo();
// "?first_sync=operations": a fresh replica pulls the log instead of taking a snapshot
// (the browser benchmark's "before").
bool first_sync_by_operations();

// A fresh replica id (core/ids.hpp: 1-16 of [a-z0-9]): 12 characters from
// crypto.getRandomValues, about 62 bits.
std::string random_replica_id();

// Calls `hidden` whenever the page is hidden (visibilitychange) or unloaded
// (pagehide): the last chance to start saving. Installs the listeners once.
void on_hidden(std::function<void()> hidden);

// A history entry while a pane covers the list (`pane_open`): the browser's Back
// then calls the on_back handler instead of leaving the page. Call every frame; it
// pushes or pops the entry only when `pane_open` changes.
void keep_pane_entry(bool pane_open);
// Calls `back` when the browser's Back pops the pane's entry. Installs the listener once.
void on_back(std::function<void()> back);

// Calls `online` when the browser says the network is back (the `online`
// event): sync retries at once instead of waiting out its backoff.
void on_online(std::function<void()> online);

}  // namespace hotline::web::page
