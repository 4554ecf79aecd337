// The channel interface has no code of its own; this file gives AUTOMOC its header.
#include "runtime/worker_channel.hpp"
