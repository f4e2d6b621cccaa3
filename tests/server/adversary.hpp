// The adversarial replica of the convergence test (issue 9): a technician ("eve", replica
// "eve1") signed in like anyone, who pushes over plain HTTP (no sync engine) what no honest
// client sends, between the honest replicas' steps:
//   squat          before an honest replica's first push, refused operations under its id:
//                  the replica must stay free and those ids unrefused for their owner
//   foreign ids    from eve's replica, operations under another replica's next ids
//   bound replica  a push under a replica id another user holds
//   far future     stamps years ahead, one of them with the counter at 4294967295
//   numbers        one leased number given to two creates; a number of another replica's block
//   unseen         edits, events and status changes of incidents not hers, and of one that
//                  does not exist (both get the same answer)
//   impersonation  an operation in another user's name
//   full counter   a stamp a minute ahead with the counter at 4294967295, which is accepted:
//                  an honest edit made after it must still win (the test checks that part)
// Each attack checks the answer (HTTP status, and status and reason per operation) and,
// when everything was refused, that the server's log did not grow. failures() lists every
// answer that was not the expected one.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/op_factory.hpp"
#include "server/db/database.hpp"

namespace hotline::server_test {

// An honest replica as the adversary sees it: its id, the next op counter it will use,
// whether it holds its id on the server yet, and incidents that are not eve's.
struct Victim {
    std::string replica;
    std::uint64_t next_counter = 1;
    bool bound = false;
    std::vector<std::string> incidents;
};

class Adversary {
public:
    static constexpr const char* kLogin = "eve";
    static constexpr const char* kReplica = "eve1";

    // reader: a connection to the server's database, for its head and number blocks.
    Adversary(std::string token, std::uint16_t port, server::Database& reader);

    void set_port(std::uint16_t port) { port_ = port; }

    // Before `replica`'s owner (login `owner`) has pushed anything.
    void squat(const std::string& replica, const std::string& owner);
    // The next attack of the round (foreign ids, bound replica, far future, numbers, unseen,
    // impersonation, then again), against `victim`; one that does not apply to it yet (a
    // bound replica not bound, no incident to probe) gives its turn to the next.
    void attack(const Victim& victim);
    // Creates an incident of eve's stamped a minute ahead with a full counter; its id.
    std::string full_counter_incident();

    const std::vector<std::string>& failures() const { return failures_; }
    const std::set<std::string>& accepted() const { return accepted_; }  // op ids the server stored
    int attacks() const;
    std::string summary() const;  // "2 far future, 3 foreign ids, ..."

private:
    struct Answer;
    using Expected = std::vector<std::string>;  // per operation: "applied" or the refusal's code

    bool attack_kind(int kind, const Victim& victim);
    void foreign_ids(const Victim& victim);
    bool bound_replica(const Victim& victim);
    void far_future();
    void numbers(const Victim& victim);
    bool unseen(const Victim& victim);
    void impersonation();

    Answer push(const std::string& replica, const std::vector<Operation>& ops, int want_numbers = 0);
    // Pushes `ops`, compares each result with `expected` and, when all are refused, checks
    // that the log did not grow.
    void expect(const std::string& attack, const std::string& replica, const std::vector<Operation>& ops,
                const Expected& expected);
    std::int64_t head();
    void fail(const std::string& what) { failures_.push_back(what); }

    std::string token_;
    std::uint16_t port_;
    server::Database& reader_;
    OpFactory factory_{kReplica};
    std::vector<std::string> failures_;
    std::set<std::string> accepted_;
    std::map<std::string, int> counts_;  // attacks made, by kind
    int next_kind_ = 0;
};

}  // namespace hotline::server_test
