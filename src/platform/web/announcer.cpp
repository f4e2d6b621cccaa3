#include "platform/web/announcer.hpp"

#include "app/app.hpp"
#include "app/i18n.hpp"
#include "platform/web/page.hpp"

namespace hotline::web {
namespace {

std::string sync_state_words(const sync::SyncStatus& st) {
    const auto pending = static_cast<std::int64_t>(st.pending);
    switch (st.state) {
        case sync::SyncState::signed_out: return std::string(app::tr("sync.signed_out"));
        case sync::SyncState::offline: return app::tr_plural("sync.offline", pending, {app::format_count(pending)});
        case sync::SyncState::error: return app::tr_format("sync.error", {st.last_error});
        case sync::SyncState::online:
            return pending > 0 ? app::tr_plural("sync.pending", pending, {app::format_count(pending)})
                               : std::string(app::tr("All changes saved"));
    }
    return {};
}

}  // namespace

void Announcer::frame(const app::App& app) {
    const app::Message& message = app.message();
    if (message.serial != said_message_) {
        said_message_ = message.serial;
        if (!message.text.empty()) page::announce(message.text, message.error);
    }
    if (const sync::SyncEngine* engine = app.sync()) {
        const sync::SyncStatus st = engine->status();
        if (said_state_ != st.state) {
            // The first state is not news: the page has just opened.
            if (said_state_) page::announce(sync_state_words(st), false);
            said_state_ = st.state;
        }
    }
}

}  // namespace hotline::web
