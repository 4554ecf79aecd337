#pragma once
// A measured value that falls short of a limit, printed so that it reads as short of it: at
// 3 decimals 0.04999 m prints as "0.050", the limit it misses. The fewest decimals (3 at least)
// whose printed value is still below the limit, or every digit when only those show it.
#include <string>

namespace rps {

std::string format_below_limit(double value, double limit);

}  // namespace rps
