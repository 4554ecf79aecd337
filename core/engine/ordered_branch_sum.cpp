#include "core/engine/ordered_branch_sum.hpp"

namespace rps {

OrderedBranchSum::OrderedBranchSum(size_t receivers, bool coherent, int max_pending)
    : receivers_(receivers),
      coherent_(coherent),
      max_pending_(max_pending),
      power_(receivers, 0.0),
      field_(coherent ? receivers : 0, Vec3c::Zero()) {}

OrderedBranchSum::Buffer OrderedBranchSum::acquire() {
    Buffer buffer;
    {
        std::lock_guard lock(mutex_);
        if (!free_.empty()) {
            buffer = std::move(free_.back());
            free_.pop_back();
        }
    }
    buffer.power.assign(receivers_, 0.0);
    if (coherent_) buffer.field.assign(receivers_, Vec3c::Zero());
    return buffer;
}

void OrderedBranchSum::finish(int branch, Buffer&& buffer) {
    std::unique_lock lock(mutex_);
    changed_.wait(
        lock, [&] { return branch == next_ || static_cast<int>(pending_.size()) < max_pending_; });
    pending_.emplace(branch, std::move(buffer));
    // Add every branch that is next in order (whoever finished it).
    for (auto it = pending_.find(next_); it != pending_.end(); it = pending_.find(next_)) {
        add(it->second);
        free_.push_back(std::move(it->second));
        pending_.erase(it);
        ++next_;
    }
    changed_.notify_all();
}

void OrderedBranchSum::add(const Buffer& buffer) {
    if (buffer.power.empty()) return;  // a failed branch (compute_map rethrows its error)
    for (size_t i = 0; i < receivers_; ++i) power_[i] += buffer.power[i];
    if (coherent_)
        for (size_t i = 0; i < receivers_; ++i) field_[i] += buffer.field[i];
}

}  // namespace rps
