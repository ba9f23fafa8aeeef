// SHA-512 (FIPS 180-4), for random.seed(str/bytes) — version 2 seeds with
// int.from_bytes(a + sha512(a).digest()) — and for hashlib.sha512 if the VM wants it.
// Checked against python3's hashlib. Any thread; O(n), ~5 ns/byte.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace interleave::python {

class Sha512 {
  public:
    Sha512();
    void update(std::string_view data);
    // The 64-byte digest; the object must not be updated afterwards.
    std::array<uint8_t, 64> digest();

  private:
    void block(const uint8_t* p);

    uint64_t h_[8];
    uint8_t buf_[128];
    size_t buf_len_ = 0;
    uint64_t total_ = 0;  // bytes
};

// hashlib.sha512(data).digest()
std::array<uint8_t, 64> sha512(std::string_view data);

}  // namespace interleave::python
