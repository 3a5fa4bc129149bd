// mmap-backed buffers; see large_buffer.h.
#include "datasets/external/large_buffer.h"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "datasets/dataset_error.h"

namespace cost::datasets {

LargeBuffer::LargeBuffer(uint64_t values) : size_(values) {
  if (values == 0) return;
  void* p = ::mmap(nullptr, values * sizeof(uint64_t), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    throw DatasetError("cannot map " + std::to_string(values * sizeof(uint64_t)) +
                       " bytes: " + std::strerror(errno));
  }
  data_ = static_cast<uint64_t*>(p);
}

LargeBuffer& LargeBuffer::operator=(LargeBuffer&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void LargeBuffer::Release() {
  if (data_ != nullptr) ::munmap(data_, size_ * sizeof(uint64_t));
  data_ = nullptr;
  size_ = 0;
}

}  // namespace cost::datasets
