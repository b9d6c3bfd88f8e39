// SHA-256 of a file's bytes, for provenance (docs/cli.md, "Provenance"):
// which exact input a result was computed from.
//
//   std::string h = gevinst::sha256_hex(text);  // 64 lowercase hex digits
#pragma once

#include <string>
#include <string_view>

namespace gevinst {

/// The SHA-256 digest of `data` as 64 lowercase hexadecimal digits (the
/// form `sha256sum` prints).
std::string sha256_hex(std::string_view data);

}  // namespace gevinst
