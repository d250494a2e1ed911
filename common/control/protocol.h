// The control protocol's version and limits, shared by maild and every client.
// See docs/control-protocol.md for the methods.
#pragma once

namespace common::control {

inline constexpr int kProtocolVersion = 1;
inline constexpr int kDefaultMaxFrameBytes = 1024 * 1024;

} // namespace common::control
