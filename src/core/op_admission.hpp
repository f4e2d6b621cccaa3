// Rules for operations made from now on, checked where a NEW operation is admitted: the
// server's push (server/push.cpp) and a replica committing a local change (app/replica.cpp).
// Desk::apply does not check them: it also replays operations stored before these rules
// existed, which must still load (a stored title holding DEL was valid when it was made).
//
//   text values  every text a create, set or add_event carries passes field_text_problem
//                (core/text_rules.hpp): no control character but tab (and line feed in
//                multi-line fields and event texts), no bidi override or isolate, no
//                U+2028/U+2029 in one-line fields. Refused as "bad_value", naming the field.
//   relations    a child's parent, a merge's survivor and closing a parent, judged on the
//                desk as it is when the operation is made (relations.hpp, W12)
#pragma once

#include "core/desk.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline {

Outcome check_new_operation(const Operation& op, const Desk& desk);

}  // namespace hotline
