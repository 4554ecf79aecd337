#pragma once
// The ordered sum of a map's branches (compute_map's threads), bit-identical for any thread count.
#include <condition_variable>
#include <map>
#include <mutex>
#include <vector>

#include "core/common/geometry.hpp"

namespace rps {

// Sums the branches of a map into its total in branch order (so that the map is bit-identical
// whatever the number of threads) while holding only the branches in flight: one buffer per
// branch (as before) took (faces + 1) × receivers doubles per map, gigabytes for a large building
// on a fine grid (48-byte vectors per receiver for coherent maps). A thread that finishes a
// branch early parks its buffer until the branches before it are added; at most max_pending
// buffers wait, then it waits too.
class OrderedBranchSum {
public:
    struct Buffer {
        std::vector<double> power;
        std::vector<Vec3c> field;  // coherent maps only
    };
    OrderedBranchSum(size_t receivers, bool coherent, int max_pending);

    // A zeroed buffer for one branch (a finished branch's storage when one is free).
    Buffer acquire();
    // Hands in branch's buffer (an empty one for a failed branch) and adds every branch that is
    // next in order; waits while max_pending buffers are parked and this branch is not next.
    void finish(int branch, Buffer&& buffer);

    std::vector<double> take_power() { return std::move(power_); }
    const std::vector<Vec3c>& field() const { return field_; }

private:
    void add(const Buffer& buffer);
    size_t receivers_;
    bool coherent_;
    int max_pending_;
    std::vector<double> power_;
    std::vector<Vec3c> field_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<int, Buffer> pending_;
    std::vector<Buffer> free_;
    int next_ = 0;
};

}  // namespace rps
